// Client-side mirror of the cancellation policy, used only to explain the
// fee before the server's own preview arrives (or if it is unavailable).
export function isLateCancellation(startMs: number, nowMs: number, windowHours: number): boolean {
  return windowHours > 0 && startMs - nowMs < windowHours * 3_600_000;
}

export function feeAmount(price: string | null | undefined, percent: number): string | null {
  if (!price || !percent) return null;
  const p = Number(price);
  if (!Number.isFinite(p)) return null;
  return (Math.round(p * percent) / 100).toFixed(2);
}

export function formatMoney(amount: string | number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "";
  const n = Number(amount);
  if (!Number.isFinite(n)) return String(amount);
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency || "USD" }).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency ?? ""}`.trim();
  }
}

/** Next n calendar dates starting at `from` (YYYY-MM-DD). */
export function nextDates(from: string, n: number, add: (d: string, k: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => add(from, i));
}
