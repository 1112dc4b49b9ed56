// Pure geometry of the resource timeline: time ↔ pixels, snapping, block
// rectangles, drag/resize arithmetic and lanes for overlapping blocks.
// Unit-tested in geometry.test.ts; no DOM, no React.
import { HOUR, MINUTE, addDays, zonedInstant, wallTime } from "../lib/time";

/** One visible stretch of time (a day's visible hours) laid out horizontally. */
export interface Segment {
  date: string; // YYYY-MM-DD in the axis zone
  start: number; // epoch ms
  end: number; // epoch ms
  x: number; // px from the left of the timeline
  width: number; // px
}
export interface Axis {
  tz: string;
  segments: Segment[];
  width: number;
  pxPerMinute: number;
}

/**
 * Day view: one date. Week view: seven dates side by side. Each date shows
 * startMin..endMin of its wall clock (minutes after midnight, endMin ≤ 1440).
 * A DST change inside the window makes that day's segment wider or narrower
 * by the hour gained or lost: the scale (px per minute) stays the same.
 */
export function buildAxis(dates: string[], tz: string, startMin: number, endMin: number, pxPerMinute: number, gap = 0): Axis {
  let x = 0;
  const segments: Segment[] = dates.map((date) => {
    const start = zonedInstant(date, startMin, tz);
    const end = endMin >= 1440 ? zonedInstant(addDays(date, 1), 0, tz) : zonedInstant(date, endMin, tz);
    const width = ((end - start) / MINUTE) * pxPerMinute;
    const seg = { date, start, end, x, width };
    x += width + gap;
    return seg;
  });
  return { tz, segments, width: Math.max(0, x - gap), pxPerMinute };
}

/** Pixel position of an instant. Outside the visible hours it clamps to the nearest edge. */
export function timeToX(axis: Axis, ms: number): number {
  const segs = axis.segments;
  if (!segs.length) return 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (ms < s.start) return s.x; // before this segment (or in the gap before it)
    if (ms <= s.end) return s.x + ((ms - s.start) / MINUTE) * axis.pxPerMinute;
  }
  const last = segs[segs.length - 1]!;
  return last.x + last.width;
}

/** Instant at a pixel position (clamped to the axis). */
export function xToTime(axis: Axis, x: number): number {
  const segs = axis.segments;
  if (!segs.length) return 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (x < s.x) return s.start;
    if (x <= s.x + s.width) return s.start + ((x - s.x) / axis.pxPerMinute) * MINUTE;
  }
  return segs[segs.length - 1]!.end;
}

/** Nearest multiple of step minutes (on the UTC grid, which is also every zone's quarter-hour grid). */
export function snapTime(ms: number, stepMin = 15): number {
  const step = stepMin * MINUTE;
  return Math.round(ms / step) * step;
}
export function snapMinutes(min: number, stepMin = 15): number {
  return Math.round(min / stepMin) * stepMin;
}

/** Rectangle of a block; null when it lies entirely outside the visible hours. */
export function blockRect(axis: Axis, start: number, durationMin: number): { left: number; width: number; clippedStart: boolean; clippedEnd: boolean } | null {
  const end = start + durationMin * MINUTE;
  const visible = axis.segments.some((s) => start < s.end && end > s.start);
  if (!visible) return null;
  const left = timeToX(axis, start);
  const right = timeToX(axis, end);
  const first = axis.segments[0]!, last = axis.segments[axis.segments.length - 1]!;
  return { left, width: Math.max(right - left, 2), clippedStart: start < first.start, clippedEnd: end > last.end };
}

/** New start after dragging a block horizontally by dx pixels, snapped. */
export function moveStart(axis: Axis, start: number, dx: number, stepMin = 15): number {
  if (dx === 0) return start;
  return snapTime(xToTime(axis, timeToX(axis, start) + dx), stepMin);
}

/** Drag the end edge: new duration in minutes, snapped, at least one step. */
export function resizeEnd(axis: Axis, start: number, durationMin: number, dx: number, stepMin = 15): number {
  const end = start + durationMin * MINUTE;
  const newEnd = snapTime(xToTime(axis, timeToX(axis, end) + dx), stepMin);
  return Math.max(stepMin, Math.round((newEnd - start) / MINUTE));
}

/** Drag the start edge: the end stays put; new start and duration, at least one step long. */
export function resizeStart(axis: Axis, start: number, durationMin: number, dx: number, stepMin = 15): { start: number; durationMin: number } {
  const end = start + durationMin * MINUTE;
  let s = snapTime(xToTime(axis, timeToX(axis, start) + dx), stepMin);
  if (end - s < stepMin * MINUTE) s = end - stepMin * MINUTE;
  return { start: s, durationMin: Math.round((end - s) / MINUTE) };
}

/** Keyboard moves: ±step minutes, same as one snap. */
export function nudge(start: number, steps: number, stepMin = 15): number {
  return snapTime(start, stepMin) + steps * stepMin * MINUTE;
}

export interface Span { id: string; start: number; end: number }
export interface LanePos { lane: number; lanes: number }

/**
 * Lanes for overlapping blocks in one row: each cluster of transitively
 * overlapping blocks gets as many lanes as its widest overlap; each block
 * takes the lowest free lane. Touching blocks (a.end == b.start) don't overlap.
 */
export function layoutLanes(items: Span[]): Map<string, LanePos> {
  const out = new Map<string, LanePos>();
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  let cluster: { id: string; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const flush = () => {
    for (const c of cluster) out.set(c.id, { lane: c.lane, lanes: laneEnds.length });
    cluster = [];
    laneEnds = [];
  };
  for (const it of sorted) {
    if (it.start >= clusterEnd) {
      flush();
      clusterEnd = -Infinity;
    }
    let lane = laneEnds.findIndex((e) => e <= it.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(it.end);
    } else laneEnds[lane] = it.end;
    cluster.push({ id: it.id, lane });
    clusterEnd = Math.max(clusterEnd, it.end);
  }
  flush();
  return out;
}

/** Gridlines: one per hour (major) and per quarter (minor) inside each segment. */
export function ticks(axis: Axis, everyMin = 60): { x: number; ms: number; label: string; dayStart: boolean }[] {
  const out: { x: number; ms: number; label: string; dayStart: boolean }[] = [];
  for (const s of axis.segments) {
    // first instant on the wall-clock grid at or after s.start
    const w = wallTime(s.start, axis.tz);
    const offsetMin = (w.hour * 60 + w.minute) % everyMin;
    let t = s.start + (offsetMin ? (everyMin - offsetMin) * MINUTE : 0);
    let first = true;
    for (; t <= s.end; t += everyMin * MINUTE) {
      const wt = wallTime(t, axis.tz);
      out.push({ x: s.x + ((t - s.start) / MINUTE) * axis.pxPerMinute, ms: t, label: `${wt.hour}:${String(wt.minute).padStart(2, "0")}`, dayStart: first });
      first = false;
    }
  }
  return out;
}

/** Index of the row under a y coordinate, given cumulative row heights. */
export function rowAt(rowHeights: number[], y: number): number {
  if (y < 0) return 0;
  let acc = 0;
  for (let i = 0; i < rowHeights.length; i++) {
    acc += rowHeights[i]!;
    if (y < acc) return i;
  }
  return Math.max(0, rowHeights.length - 1);
}

/** Row heights grow with the number of lanes so overlapping blocks stay readable. */
export function rowHeight(lanes: number, base = 56, perLane = 30): number {
  return lanes <= 1 ? base : Math.max(base, lanes * perLane + 8);
}

export const HOUR_MS = HOUR;
