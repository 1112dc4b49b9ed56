// Time-zone arithmetic with Intl only (no library): instants are epoch
// milliseconds (UTC); wall-clock dates and times belong to an IANA zone.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const dtfCache = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = dtfCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", weekday: "short",
    });
    dtfCache.set(tz, f);
  }
  return f;
}

export interface WallTime {
  year: number; month: number; day: number; hour: number; minute: number; second: number;
  /** 0 = Monday … 6 = Sunday (the API's convention) */
  weekday: number;
}
const WD: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

export function wallTime(ms: number, tz: string): WallTime {
  const out: Record<string, string> = {};
  for (const p of partsFormatter(tz).formatToParts(new Date(ms))) out[p.type] = p.value;
  return {
    year: Number(out.year), month: Number(out.month), day: Number(out.day),
    hour: Number(out.hour) % 24, minute: Number(out.minute), second: Number(out.second),
    weekday: WD[out.weekday ?? "Mon"] ?? 0,
  };
}

/** Offset of tz from UTC at instant ms, in minutes (e.g. +60 for Paris in winter). */
export function tzOffset(ms: number, tz: string): number {
  const w = wallTime(ms, tz);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);
}

export function parseDate(d: string): { y: number; m: number; d: number } {
  const [y, m, dd] = d.split("-").map(Number) as [number, number, number];
  return { y, m, d: dd };
}
export function parseTime(t: string): number {
  const [h, m] = t.split(":").map(Number) as [number, number];
  return h * 60 + (m || 0);
}
export function fmtTimeOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60), m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/**
 * The instant at which the wall clock in tz reads date + minutes-after-midnight.
 * In a DST gap the time is pushed forward (02:30 → 03:30); in an overlap the
 * earlier instant is chosen.
 */
export function zonedInstant(date: string, minutes: number, tz: string): number {
  const { y, m, d } = parseDate(date);
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  // Two passes converge everywhere except inside a gap.
  let guess = wall - tzOffset(wall, tz) * MINUTE;
  const o2 = tzOffset(guess, tz);
  guess = wall - o2 * MINUTE;
  const o3 = tzOffset(guess, tz);
  if (o3 !== o2) guess = wall - Math.min(o2, o3) * MINUTE; // gap: move forward
  // Overlap: prefer the earlier of the two candidates.
  const earlier = guess - HOUR;
  if (tzOffset(earlier, tz) !== o3 && wall - tzOffset(earlier, tz) * MINUTE === earlier) return earlier;
  return guess;
}

export function zonedDate(ms: number, tz: string): string {
  const w = wallTime(ms, tz);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}
export function zonedMinutes(ms: number, tz: string): number {
  const w = wallTime(ms, tz);
  return w.hour * 60 + w.minute;
}

export function addDays(date: string, n: number): string {
  const { y, m, d } = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}
/** 0 = Monday … 6 = Sunday */
export function weekdayOf(date: string): number {
  const { y, m, d } = parseDate(date);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}
export function startOfWeek(date: string): string {
  return addDays(date, -weekdayOf(date));
}
export function todayIn(tz: string, now = Date.now()): string {
  return zonedDate(now, tz);
}
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

// ---- display ---------------------------------------------------------------
const fmtCache = new Map<string, Intl.DateTimeFormat>();
function fmt(tz: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = tz + JSON.stringify(opts);
  let f = fmtCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, { timeZone: tz, ...opts });
    fmtCache.set(key, f);
  }
  return f;
}
export const formatTime = (ms: number, tz: string) => fmt(tz, { hour: "numeric", minute: "2-digit" }).format(ms);
export const formatDateLong = (ms: number, tz: string) =>
  fmt(tz, { weekday: "long", month: "long", day: "numeric", year: "numeric" }).format(ms);
export const formatDateShort = (ms: number, tz: string) => fmt(tz, { weekday: "short", month: "short", day: "numeric" }).format(ms);
export const formatDateTime = (ms: number, tz: string) =>
  fmt(tz, { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" }).format(ms);
/** A wall-clock date (YYYY-MM-DD) for display, independent of zones. */
export const formatDay = (date: string, opts: Intl.DateTimeFormatOptions = { weekday: "short", month: "short", day: "numeric" }) => {
  const { y, m, d } = parseDate(date);
  return new Intl.DateTimeFormat(undefined, { timeZone: "UTC", ...opts }).format(Date.UTC(y, m - 1, d));
};
/** "HH:MM" → localised "9:30 AM" */
export const formatClock = (t: string) => {
  const mins = parseTime(t);
  return new Intl.DateTimeFormat(undefined, { timeZone: "UTC", hour: "numeric", minute: "2-digit" }).format(Date.UTC(2000, 0, 1, 0, mins));
};
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60), m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
export function relativeFromNow(ms: number, now = Date.now()): string {
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const diff = ms - now;
  const abs = Math.abs(diff);
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), "minute");
  if (abs < DAY) return rtf.format(Math.round(diff / HOUR), "hour");
  return rtf.format(Math.round(diff / DAY), "day");
}
