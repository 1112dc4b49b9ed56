import { cx } from "../ui/cx";
import { useConfig } from "./config-context";

export function Brand({ compact = false }: { compact?: boolean }) {
  const cfg = useConfig();
  const t = cfg.site === "tenant" ? cfg.tenant : null;
  if (t?.logoUrl) return <img src={t.logoUrl} alt={t.name} className={compact ? "h-7 max-w-32 object-contain" : "h-10 max-w-48 object-contain"} />;
  const name = t?.name ?? "SmoothSchedule";
  return (
    <span className="inline-flex min-w-0 items-center gap-2 font-semibold tracking-tight">
      <span aria-hidden="true" className="grid h-8 w-8 shrink-0 place-items-center rounded-lg bg-brand text-sm font-bold text-brand-fg">
        {name.slice(0, 1).toUpperCase()}
      </span>
      {cfg.site === "platform" ? (
        <span className="flex min-w-0 flex-col leading-tight">
          <span className={cx("truncate", compact ? "text-base" : "text-lg")}>{name}</span>
          <span className="text-[11px] font-medium uppercase tracking-wide text-muted">Platform console</span>
        </span>
      ) : <span className={cx("truncate", compact ? "text-base" : "text-lg")}>{name}</span>}
    </span>
  );
}
