import { useConfig } from "./config-context";

export function Brand({ compact = false }: { compact?: boolean }) {
  const cfg = useConfig();
  const t = cfg.site === "tenant" ? cfg.tenant : null;
  if (t?.logoUrl) return <img src={t.logoUrl} alt={t.name} className={compact ? "h-7 max-w-32 object-contain" : "h-10 max-w-48 object-contain"} />;
  const name = t?.name ?? "SmoothSchedule";
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight">
      <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-lg bg-brand text-sm font-bold text-brand-fg">
        {name.slice(0, 1).toUpperCase()}
      </span>
      <span className={compact ? "text-base" : "text-lg"}>{name}</span>
      {cfg.site === "platform" && <span className="rounded bg-surface-2 px-1.5 py-0.5 text-xs font-medium text-muted">Platform</span>}
    </span>
  );
}
