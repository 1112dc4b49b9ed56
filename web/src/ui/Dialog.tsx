import { useEffect, useId, useRef, type ReactNode } from "react";
import { cx } from "./cx";
import { Icon } from "./Icon";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  children: ReactNode;
  footer?: ReactNode;
  /** "modal" is centred; "drawer" slides in from the right (full screen on phones). */
  variant?: "modal" | "drawer";
  size?: "sm" | "md" | "lg";
}

/**
 * Native <dialog> shown with showModal(): focus is trapped, Escape closes,
 * the rest of the page is inert, and focus returns to the opener.
 */
export function Dialog({ open, onClose, title, description, children, footer, variant = "modal", size = "md" }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // showModal() focuses the first focusable element, the header's Close
      // button; start instead where the keyboard is wanted: an element marked
      // data-autofocus, else the first field of the body.
      const target = d.querySelector<HTMLElement>("[data-autofocus]")
        ?? d.querySelector<HTMLElement>("[data-dialog-body] :is(input:not([type=hidden]), select, textarea):not([disabled])");
      target?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  const width = { sm: "sm:max-w-md", md: "sm:max-w-lg", lg: "sm:max-w-2xl" }[size];
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(e) => { e.preventDefault(); onClose(); }}
      onClick={(e) => { if (e.target === ref.current) onClose(); }}
      className={cx(
        "m-0 max-h-none max-w-none border-0 bg-transparent p-0 text-fg backdrop:bg-slate-950/50 backdrop:backdrop-blur-[2px]",
        variant === "drawer" ? "ml-auto h-dvh w-full sm:w-[28rem]" : "mx-auto mt-[8vh] w-[calc(100%-1.5rem)] " + width,
      )}
    >
      {open && (
        <div className={cx("flex flex-col bg-surface shadow-2xl", variant === "drawer" ? "h-full border-l border-line" : "max-h-[84vh] rounded-2xl border border-line")}>
          <div className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
            <div>
              <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
              {description && <p id={descId} className="mt-0.5 text-sm text-muted">{description}</p>}
            </div>
            <button type="button" className="btn-ghost -mr-2 p-2" onClick={onClose} aria-label="Close">
              <Icon name="x" />
            </button>
          </div>
          <div data-dialog-body className="flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer && <div className="flex flex-wrap justify-end gap-2 border-t border-line px-5 py-3">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}

export function ConfirmDialog({ open, onClose, onConfirm, title, children, confirmLabel = "Confirm", danger, busy }: {
  open: boolean; onClose: () => void; onConfirm: () => void; title: string; children?: ReactNode; confirmLabel?: string; danger?: boolean; busy?: boolean;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} size="sm"
      footer={<>
        <button type="button" className="btn-secondary" onClick={onClose} data-autofocus>Cancel</button>
        <button type="button" className={danger ? "btn-danger" : "btn-primary"} onClick={onConfirm} disabled={busy}>{busy ? "Working…" : confirmLabel}</button>
      </>}>
      <div className="text-sm text-muted">{children}</div>
    </Dialog>
  );
}
