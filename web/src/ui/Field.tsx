// Labelled form controls. Each passes its other props, ref included, to the
// native control, so react-hook-form's register("name") spreads onto it
// directly; `error` (a message) sets aria-invalid and is what
// aria-describedby points at, else the hint.
import { useId, type ComponentProps, type ReactNode } from "react";
import { cx } from "./cx";

interface Common { label: string; error?: string | undefined; hint?: ReactNode; className?: string }

function Wrap({ id, label, error, hint, className, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="label">{label}</label>
      {children}
      {error ? (
        <p id={`${id}-err`} className="mt-1 text-sm text-red-600 dark:text-red-400">{error}</p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">{hint}</p>
      ) : null}
    </div>
  );
}

function aria(id: string, error?: string, hint?: ReactNode) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-err` : hint ? `${id}-hint` : undefined,
  } as const;
}

export function TextField({ label, error, hint, className, id: idProp, ...rest }: Common & ComponentProps<"input">) {
  const gen = useId();
  const id = idProp ?? gen;
  return (
    <Wrap id={id} label={label} error={error} hint={hint} className={className}>
      <input id={id} className="input" {...aria(id, error, hint)} {...rest} />
    </Wrap>
  );
}

export function TextArea({ label, error, hint, className, id: idProp, ...rest }: Common & ComponentProps<"textarea">) {
  const gen = useId();
  const id = idProp ?? gen;
  return (
    <Wrap id={id} label={label} error={error} hint={hint} className={className}>
      <textarea id={id} className="input min-h-20" {...aria(id, error, hint)} {...rest} />
    </Wrap>
  );
}

export function SelectField({ label, error, hint, className, id: idProp, children, ...rest }: Common & ComponentProps<"select">) {
  const gen = useId();
  const id = idProp ?? gen;
  return (
    <Wrap id={id} label={label} error={error} hint={hint} className={className}>
      <select id={id} className="input pr-8" {...aria(id, error, hint)} {...rest}>{children}</select>
    </Wrap>
  );
}

export function Checkbox({ label, hint, className, ...rest }: { label: string; hint?: string; className?: string } & Omit<ComponentProps<"input">, "type">) {
  const id = useId();
  return (
    <div className={cx("flex items-start gap-2.5", className)}>
      <input id={id} type="checkbox" className="mt-0.5 h-4 w-4 rounded border-line accent-[var(--ss-brand)]" {...rest} />
      <div>
        <label htmlFor={id} className="text-sm font-medium">{label}</label>
        {hint && <p className="text-xs text-muted">{hint}</p>}
      </div>
    </div>
  );
}

export function SearchInput({ value, onChange, label, placeholder }: { value: string; onChange: (v: string) => void; label: string; placeholder?: string }) {
  return (
    <div className="relative">
      <svg viewBox="0 0 24 24" className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-muted" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
        <path d="M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.35-4.35" />
      </svg>
      <input type="search" aria-label={label} placeholder={placeholder ?? label} value={value} onChange={(e) => onChange(e.target.value)} className="input pl-9" />
    </div>
  );
}
