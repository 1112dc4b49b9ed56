// Tiny SVG charts (no charting library: keeps the console light and CSP-safe).
import { useId, useLayoutEffect, useRef, useState } from "react";

export interface Point { label: string; value: number }

/**
 * The chart's real width in CSS pixels, so the SVG is drawn 1:1 and its labels
 * stay at a readable 12 px whatever the card's width (a fixed viewBox scaled
 * into a narrow card shrank them to ~5 px).
 */
function useWidth(fallback = 600) {
  const ref = useRef<HTMLElement>(null);
  const [w, setW] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => { const v = Math.round(el.getBoundingClientRect().width); if (v > 0) setW(v); };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, w] as const;
}
const FONT = 12;

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const n = v / p;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * p;
}

/** The top of the value axis: a round number, and for counts at least 2 so the middle tick is a whole number. */
export function axisMax(values: number[]): number {
  const max = niceMax(Math.max(0, ...values));
  return values.every(Number.isInteger) && max < 2 ? 2 : max;
}

/** Line + area chart with hover/focus read-out and an accessible table fallback. */
export function AreaChart({ data, label, format = (v) => String(v), height = 160 }: { data: Point[]; label: string; format?: (v: number) => string; height?: number }) {
  const id = useId();
  const [hover, setHover] = useState<number | null>(null);
  const [ref, W] = useWidth();
  const H = height, pad = { l: 44, r: 8, t: 10, b: 24 };
  if (!data.length) return <p className="grid place-items-center text-sm text-muted" style={{ height }}>No data yet</p>;
  const max = axisMax(data.map((d) => d.value));
  const x = (i: number) => pad.l + (data.length === 1 ? (W - pad.l - pad.r) / 2 : (i / (data.length - 1)) * (W - pad.l - pad.r));
  const y = (v: number) => pad.t + (1 - v / max) * (H - pad.t - pad.b);
  const line = data.map((d, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(d.value).toFixed(1)}`).join("");
  const area = `${line}L${x(data.length - 1)},${H - pad.b}L${x(0)},${H - pad.b}Z`;
  const h = hover !== null ? data[hover] : null;
  const every = Math.max(1, Math.ceil(data.length / Math.max(2, Math.floor((W - pad.l) / 64))));
  return (
    <figure className="relative" ref={ref as React.RefObject<HTMLElement>}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} className="block max-w-full" role="img" aria-label={`${label}: latest ${format(data[data.length - 1]!.value)}`}
        onMouseLeave={() => setHover(null)}
        onMouseMove={(e) => {
          const r = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
          const px = ((e.clientX - r.left) / r.width) * W;
          const i = Math.round(((px - pad.l) / (W - pad.l - pad.r)) * (data.length - 1));
          setHover(Math.max(0, Math.min(data.length - 1, i)));
        }}>
        <defs>
          <linearGradient id={id} x1="0" x2="0" y1="0" y2="1">
            <stop offset="0%" stopColor="var(--ss-brand)" stopOpacity="0.28" />
            <stop offset="100%" stopColor="var(--ss-brand)" stopOpacity="0" />
          </linearGradient>
        </defs>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={pad.l} x2={W - pad.r} y1={y(max * f)} y2={y(max * f)} stroke="var(--ss-border)" strokeDasharray={f ? "3 3" : undefined} />
            <text x={pad.l - 6} y={y(max * f) + 4} textAnchor="end" fontSize={FONT} fill="var(--ss-muted)">{format(max * f)}</text>
          </g>
        ))}
        <path d={area} fill={`url(#${id})`} />
        <path d={line} fill="none" stroke="var(--ss-brand)" strokeWidth="2.25" strokeLinejoin="round" />
        {data.map((d, i) => i % every === 0 && (
          <text key={i} x={x(i)} y={H - 6} textAnchor="middle" fontSize={FONT} fill="var(--ss-muted)">{d.label}</text>
        ))}
        {h && hover !== null && (
          <g>
            <line x1={x(hover)} x2={x(hover)} y1={pad.t} y2={H - pad.b} stroke="var(--ss-muted)" strokeDasharray="2 3" />
            <circle cx={x(hover)} cy={y(h.value)} r="4" fill="var(--ss-brand)" stroke="var(--ss-surface)" strokeWidth="2" />
          </g>
        )}
      </svg>
      {h && <div className="pointer-events-none absolute right-2 top-0 rounded-md border border-line bg-surface px-2 py-1 text-xs shadow">{h.label}: <strong>{format(h.value)}</strong></div>}
      <table className="sr-only"><caption>{label}</caption><tbody>{data.map((d) => <tr key={d.label}><th>{d.label}</th><td>{format(d.value)}</td></tr>)}</tbody></table>
    </figure>
  );
}

export function BarChart({ data, label, format = (v) => String(v), height = 160 }: { data: Point[]; label: string; format?: (v: number) => string; height?: number }) {
  const [ref, W] = useWidth();
  const H = height, pad = { l: 32, r: 4, t: 10, b: 24 };
  if (!data.length) return <p className="grid place-items-center text-sm text-muted" style={{ height }}>No data yet</p>;
  const max = axisMax(data.map((d) => d.value));
  const bw = (W - pad.l - pad.r) / data.length;
  const y = (v: number) => pad.t + (1 - v / max) * (H - pad.t - pad.b);
  const every = Math.max(1, Math.ceil(data.length / Math.max(2, Math.floor((W - pad.l) / 64))));
  return (
    <figure ref={ref as React.RefObject<HTMLElement>}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} className="block max-w-full" role="img" aria-label={`${label}: ${data.map((d) => `${d.label} ${format(d.value)}`).slice(-3).join(", ")}`}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={pad.l} x2={W - pad.r} y1={y(max * f)} y2={y(max * f)} stroke="var(--ss-border)" strokeDasharray={f ? "3 3" : undefined} />
            <text x={pad.l - 6} y={y(max * f) + 4} textAnchor="end" fontSize={FONT} fill="var(--ss-muted)">{format(max * f)}</text>
          </g>
        ))}
        {data.map((d, i) => (
          <g key={i}>
            <rect x={pad.l + i * bw + bw * 0.15} y={y(d.value)} width={bw * 0.7} height={Math.max(0, H - pad.b - y(d.value))} rx="3" fill="var(--ss-brand)" opacity={0.85}>
              <title>{`${d.label}: ${format(d.value)}`}</title>
            </rect>
            {i % every === 0 && <text x={pad.l + i * bw + bw / 2} y={H - 6} textAnchor="middle" fontSize={FONT} fill="var(--ss-muted)">{d.label}</text>}
          </g>
        ))}
      </svg>
      <table className="sr-only"><caption>{label}</caption><tbody>{data.map((d) => <tr key={d.label}><th>{d.label}</th><td>{format(d.value)}</td></tr>)}</tbody></table>
    </figure>
  );
}

export function MetricCard({ label, value, delta, children }: { label: string; value: string; delta?: { text: string; good: boolean } | null; children?: React.ReactNode }) {
  return (
    <div className="card p-4">
      <p className="text-sm text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums tracking-tight">{value}</p>
      {delta && <p className={"mt-0.5 text-xs font-medium " + (delta.good ? "text-emerald-600 dark:text-emerald-400" : "text-red-600 dark:text-red-400")}>{delta.text}</p>}
      {children}
    </div>
  );
}
