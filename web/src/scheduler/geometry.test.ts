import { describe, expect, it } from "vitest";
import {
  blockRect, buildAxis, layoutLanes, moveStart, nudge, resizeEnd, resizeStart, rowAt, rowHeight, snapMinutes, snapTime, ticks, timeToX, xToTime,
} from "./geometry";

const TZ = "Europe/Paris";
const at = (iso: string) => Date.parse(iso);
// 2025-01-15: Paris is UTC+1. Visible 08:00–20:00 local = 07:00Z–19:00Z.
const day = buildAxis(["2025-01-15"], TZ, 8 * 60, 20 * 60, 2); // 2 px per minute → 1440 px

describe("time ↔ pixels", () => {
  it("maps the visible window linearly", () => {
    expect(day.width).toBe(1440);
    expect(timeToX(day, at("2025-01-15T07:00:00Z"))).toBe(0);
    expect(timeToX(day, at("2025-01-15T08:30:00Z"))).toBe(180);
    expect(timeToX(day, at("2025-01-15T19:00:00Z"))).toBe(1440);
    expect(xToTime(day, 180)).toBe(at("2025-01-15T08:30:00Z"));
  });
  it("round-trips and clamps outside the window", () => {
    for (const x of [0, 1, 333, 1000, 1440]) expect(timeToX(day, xToTime(day, x))).toBeCloseTo(x, 6);
    expect(timeToX(day, at("2025-01-15T05:00:00Z"))).toBe(0);
    expect(timeToX(day, at("2025-01-16T05:00:00Z"))).toBe(1440);
    expect(xToTime(day, -50)).toBe(at("2025-01-15T07:00:00Z"));
    expect(xToTime(day, 5000)).toBe(at("2025-01-15T19:00:00Z"));
  });
  it("lays out a week of days side by side with gaps", () => {
    const week = buildAxis(["2025-01-13", "2025-01-14", "2025-01-15"], TZ, 9 * 60, 17 * 60, 0.5, 4);
    expect(week.segments.map((s) => s.x)).toEqual([0, 244, 488]);
    expect(week.width).toBe(728);
    // 10:00 Paris on the 14th
    expect(timeToX(week, at("2025-01-14T09:00:00Z"))).toBe(244 + 30);
    // the night between two days maps to the start of the next day
    expect(timeToX(week, at("2025-01-14T22:00:00Z"))).toBe(488);
    expect(xToTime(week, 242)).toBe(week.segments[1]!.start);
  });
  it("keeps the scale across a DST change (the day is shorter)", () => {
    const dst = buildAxis(["2025-03-29", "2025-03-30"], TZ, 0, 1440, 1);
    expect(dst.segments[0]!.width).toBe(1440);
    expect(dst.segments[1]!.width).toBe(1380); // 23 hours
    // 04:00 CEST on the 30th is 3 real hours after midnight
    expect(timeToX(dst, at("2025-03-30T02:00:00Z")) - dst.segments[1]!.x).toBe(180);
  });
});

describe("snapping", () => {
  it("snaps instants and minutes to 15-minute steps", () => {
    expect(snapTime(at("2025-01-15T09:07:00Z"))).toBe(at("2025-01-15T09:00:00Z"));
    expect(snapTime(at("2025-01-15T09:08:00Z"))).toBe(at("2025-01-15T09:15:00Z"));
    expect(snapTime(at("2025-01-15T09:52:29Z"))).toBe(at("2025-01-15T09:45:00Z"));
    expect(snapTime(at("2025-01-15T09:20:00Z"), 30)).toBe(at("2025-01-15T09:30:00Z"));
    expect(snapMinutes(52)).toBe(45);
    expect(snapMinutes(53)).toBe(60);
  });
  it("works for zones with 30- and 45-minute offsets", () => {
    const kathmandu = buildAxis(["2025-01-15"], "Asia/Kathmandu", 9 * 60, 18 * 60, 1);
    // 09:00 in Kathmandu (+05:45) must be a snap point
    const s = kathmandu.segments[0]!.start;
    expect(snapTime(s)).toBe(s);
    expect(moveStart(kathmandu, s, 16)).toBe(s + 15 * 60_000);
  });
});

describe("drag and resize", () => {
  const start = at("2025-01-15T09:00:00Z"); // 10:00 Paris, x = 240
  it("moves by whole snaps", () => {
    expect(moveStart(day, start, 0)).toBe(start);
    expect(moveStart(day, start, 29)).toBe(start + 15 * 60_000); // 14.5 min → 15
    expect(moveStart(day, start, 14)).toBe(start); // 7 min → 0
    expect(moveStart(day, start, -60)).toBe(start - 30 * 60_000);
    expect(moveStart(day, start, -10_000)).toBe(day.segments[0]!.start); // clamps to the window
  });
  it("resizes the end edge, never below one step", () => {
    expect(resizeEnd(day, start, 60, 30)).toBe(75);
    expect(resizeEnd(day, start, 60, -200)).toBe(15);
    expect(resizeEnd(day, start, 45, 1)).toBe(45);
  });
  it("resizes the start edge keeping the end", () => {
    expect(resizeStart(day, start, 60, -30)).toEqual({ start: start - 15 * 60_000, durationMin: 75 });
    expect(resizeStart(day, start, 60, 500)).toEqual({ start: start + 45 * 60_000, durationMin: 15 });
  });
  it("nudges by keyboard steps", () => {
    expect(nudge(start, 2)).toBe(start + 30 * 60_000);
    expect(nudge(start + 60_000, -1)).toBe(start - 15 * 60_000);
  });
  it("clips block rectangles to the window", () => {
    expect(blockRect(day, start, 30)).toEqual({ left: 240, width: 60, clippedStart: false, clippedEnd: false });
    expect(blockRect(day, at("2025-01-15T06:00:00Z"), 120)).toEqual({ left: 0, width: 120, clippedStart: true, clippedEnd: false });
    expect(blockRect(day, at("2025-01-15T03:00:00Z"), 60)).toBeNull();
  });
});

describe("lanes", () => {
  const m = (h: number, mm = 0) => at(`2025-01-15T${String(h).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00Z`);
  it("gives non-overlapping blocks a single lane", () => {
    const l = layoutLanes([{ id: "a", start: m(9), end: m(10) }, { id: "b", start: m(10), end: m(11) }]);
    expect(l.get("a")).toEqual({ lane: 0, lanes: 1 });
    expect(l.get("b")).toEqual({ lane: 0, lanes: 1 });
  });
  it("stacks overlapping blocks and reuses freed lanes within a cluster", () => {
    const l = layoutLanes([
      { id: "a", start: m(9), end: m(11) },
      { id: "b", start: m(9, 30), end: m(10) },
      { id: "c", start: m(10), end: m(10, 30) }, // fits in b's lane after b ends
      { id: "d", start: m(10, 15), end: m(12) }, // needs a third lane
      { id: "e", start: m(13), end: m(14) }, // new cluster
    ]);
    expect(l.get("a")).toEqual({ lane: 0, lanes: 3 });
    expect(l.get("b")).toEqual({ lane: 1, lanes: 3 });
    expect(l.get("c")).toEqual({ lane: 1, lanes: 3 });
    expect(l.get("d")).toEqual({ lane: 2, lanes: 3 });
    expect(l.get("e")).toEqual({ lane: 0, lanes: 1 });
  });
  it("is independent of input order", () => {
    const items = [
      { id: "x", start: m(9), end: m(10) }, { id: "y", start: m(9), end: m(9, 30) }, { id: "z", start: m(9, 15), end: m(9, 45) },
    ];
    const a = layoutLanes(items), b = layoutLanes([...items].reverse());
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect(a.get("x")!.lanes).toBe(3);
  });
});

describe("rows and ticks", () => {
  it("finds the row under the pointer", () => {
    expect(rowAt([56, 90, 56], 10)).toBe(0);
    expect(rowAt([56, 90, 56], 56)).toBe(1);
    expect(rowAt([56, 90, 56], 150)).toBe(2);
    expect(rowAt([56, 90, 56], 999)).toBe(2);
    expect(rowAt([56, 90, 56], -5)).toBe(0);
    expect(rowHeight(1)).toBe(56);
    expect(rowHeight(3)).toBe(98);
  });
  it("labels hours in the axis zone", () => {
    const t = ticks(day);
    expect(t).toHaveLength(13);
    expect(t[0]).toMatchObject({ x: 0, label: "8:00", dayStart: true });
    expect(t[12]).toMatchObject({ x: 1440, label: "20:00" });
  });
});
