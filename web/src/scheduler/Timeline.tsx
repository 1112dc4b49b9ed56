import { useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as RPointerEvent, type Ref } from "react";
import { errorMessage } from "../api/client";
import type { Appointment, Blocker, BusinessHoursRow, Resource } from "../api/types";
import { MINUTE, formatTime, parseTime, weekdayOf, zonedInstant } from "../lib/time";
import { cx } from "../ui/cx";
import {
  blockRect, layoutLanes, moveStart, nudge, resizeEnd, resizeStart, rowAt, rowHeight, snapTime, ticks, timeToX, xToTime, type Axis, type LanePos,
} from "./geometry";
import { statusStyle } from "./status";

export const NAME_W = 176;
const LANE_H = 30;

export interface Change { start: number; durationMinutes: number; resourceId: string }
export interface TimelineHandle {
  /** Where a pointer at client coordinates would drop: resource and snapped start, or null. */
  dropTarget(clientX: number, clientY: number): { resourceId: string; start: number } | null;
}

interface Props {
  axis: Axis;
  resources: Resource[];
  appointments: Appointment[];
  blockers: Blocker[];
  hours: BusinessHoursRow[];
  labelFor: (a: Appointment) => { title: string; subtitle: string };
  onCommit: (a: Appointment, c: Change) => Promise<void>;
  onOpen: (a: Appointment) => void;
  onOpenBlocker: (b: Blocker) => void;
  onSelectRange: (r: { resourceId: string; start: number; durationMinutes: number }) => void;
  readOnly?: (a: Appointment) => boolean;
  handle?: Ref<TimelineHandle>;
  highlight?: { resourceId: string; start: number; durationMinutes: number } | null;
}

type Drag =
  | { kind: "move" | "resize-start" | "resize-end"; appt: Appointment; x0: number; y0: number; moved: boolean; preview: Change }
  | { kind: "select"; resourceId: string; x0: number; anchor: number; preview: { start: number; end: number } };

const startOf = (a: Appointment) => Date.parse(a.startTime ?? "");

export function Timeline(p: Props) {
  const { axis, resources } = p;
  const tz = axis.tz;
  const tracksRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [saving, setSaving] = useState<Record<string, Change>>({});
  const [kbd, setKbd] = useState<Record<string, Change>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [announce, setAnnounce] = useState("");
  const [now, setNow] = useState(() => Date.now());
  const kbdTimers = useRef<Record<string, number>>({});
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);

  const visible = useMemo(() => p.appointments.filter((a) => a.startTime && a.resourceId && a.status !== "CANCELLED"), [p.appointments]);

  // Lanes per resource row from the stored positions (stable while dragging).
  const { lanes, heights, tops } = useMemo(() => {
    const lanes = new Map<string, LanePos>();
    const heights: number[] = [];
    for (const r of resources) {
      const spans = visible.filter((a) => a.resourceId === r.id).map((a) => ({ id: a.id, start: startOf(a), end: startOf(a) + a.durationMinutes * MINUTE }));
      const l = layoutLanes(spans);
      let max = 1;
      l.forEach((v, k) => { lanes.set(k, v); max = Math.max(max, v.lanes); });
      heights.push(rowHeight(max, 56, LANE_H));
    }
    const tops: number[] = [];
    heights.reduce((acc, h) => { tops.push(acc); return acc + h; }, 0);
    return { lanes, heights, tops };
  }, [resources, visible]);
  const totalH = heights.reduce((a, b) => a + b, 0);
  const rowIndex = useMemo(() => new Map(resources.map((r, i) => [r.id, i])), [resources]);

  const local = (clientX: number, clientY: number) => {
    const rect = tracksRef.current!.getBoundingClientRect();
    return { x: clientX - rect.left, y: clientY - rect.top, inside: clientX >= rect.left && clientX <= rect.right && clientY >= rect.top && clientY <= rect.bottom };
  };

  useImperativeHandle(p.handle, () => ({
    dropTarget(clientX, clientY) {
      if (!tracksRef.current || !resources.length) return null;
      const l = local(clientX, clientY);
      if (!l.inside) return null;
      const r = resources[rowAt(heights, l.y)]!;
      return { resourceId: r.id, start: snapTime(xToTime(axis, l.x)) };
    },
  }), [axis, heights, resources]);

  const commit = async (a: Appointment, c: Change) => {
    const same = c.start === startOf(a) && c.durationMinutes === a.durationMinutes && c.resourceId === a.resourceId;
    if (same) return;
    setErrors((e) => { const n = { ...e }; delete n[a.id]; return n; });
    setSaving((s) => ({ ...s, [a.id]: c }));
    const rname = resources.find((r) => r.id === c.resourceId)?.name ?? "";
    setAnnounce(`Saving: ${formatTime(c.start, tz)} to ${formatTime(c.start + c.durationMinutes * MINUTE, tz)}, ${rname}.`);
    try {
      await p.onCommit(a, c);
      setAnnounce("Saved.");
    } catch (e) {
      const msg = errorMessage(e);
      setErrors((er) => ({ ...er, [a.id]: msg }));
      setAnnounce(`Not moved: ${msg}`);
      window.setTimeout(() => setErrors((er) => { if (er[a.id] !== msg) return er; const n = { ...er }; delete n[a.id]; return n; }), 8000);
    } finally {
      setSaving((s) => { const n = { ...s }; delete n[a.id]; return n; });
    }
  };

  // ---- pointer interaction ---------------------------------------------------
  const onBlockPointerDown = (e: RPointerEvent, a: Appointment, kind: "move" | "resize-start" | "resize-end") => {
    if (e.button !== 0 || p.readOnly?.(a) || saving[a.id]) return;
    e.stopPropagation();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    setDrag({ kind, appt: a, x0: e.clientX, y0: e.clientY, moved: false, preview: { start: startOf(a), durationMinutes: a.durationMinutes, resourceId: a.resourceId! } });
  };
  const onTrackPointerDown = (e: RPointerEvent) => {
    if (e.button !== 0 || e.target !== e.currentTarget && !(e.target as HTMLElement).dataset.row) return;
    const l = local(e.clientX, e.clientY);
    const r = resources[rowAt(heights, l.y)];
    if (!r) return;
    tracksRef.current!.setPointerCapture(e.pointerId);
    const t = snapTime(xToTime(axis, l.x));
    setDrag({ kind: "select", resourceId: r.id, x0: l.x, anchor: t, preview: { start: t, end: t + 15 * MINUTE } });
  };
  const onPointerMove = (e: RPointerEvent) => {
    if (!drag) return;
    if (drag.kind === "select") {
      const t = snapTime(xToTime(axis, local(e.clientX, e.clientY).x));
      const start = Math.min(drag.anchor, t), end = Math.max(drag.anchor + 15 * MINUTE, t);
      setDrag({ ...drag, preview: { start, end: Math.max(end, start + 15 * MINUTE) } });
      return;
    }
    const dx = e.clientX - drag.x0, dy = e.clientY - drag.y0;
    const moved = drag.moved || Math.abs(dx) > 3 || Math.abs(dy) > 3;
    if (!moved) return;
    const a = drag.appt, s0 = startOf(a);
    let preview: Change = drag.preview;
    if (drag.kind === "move") {
      const r = resources[rowAt(heights, local(e.clientX, e.clientY).y)];
      preview = { start: moveStart(axis, s0, dx), durationMinutes: a.durationMinutes, resourceId: r?.id ?? a.resourceId! };
    } else if (drag.kind === "resize-end") {
      preview = { start: s0, durationMinutes: resizeEnd(axis, s0, a.durationMinutes, dx), resourceId: a.resourceId! };
    } else {
      const r = resizeStart(axis, s0, a.durationMinutes, dx);
      preview = { start: r.start, durationMinutes: r.durationMin, resourceId: a.resourceId! };
    }
    setDrag({ ...drag, moved, preview });
  };
  const onPointerUp = () => {
    if (!drag) return;
    setDrag(null);
    if (drag.kind === "select") {
      p.onSelectRange({ resourceId: drag.resourceId, start: drag.preview.start, durationMinutes: Math.round((drag.preview.end - drag.preview.start) / MINUTE) });
      return;
    }
    if (!drag.moved) p.onOpen(drag.appt);
    else void commit(drag.appt, drag.preview);
  };

  // ---- keyboard alternative ------------------------------------------------------
  const onBlockKey = (e: KeyboardEvent, a: Appointment) => {
    if (p.readOnly?.(a)) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); p.onOpen(a); } return; }
    const cur = kbd[a.id] ?? { start: startOf(a), durationMinutes: a.durationMinutes, resourceId: a.resourceId! };
    let next: Change | null = null;
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); if (!kbd[a.id]) p.onOpen(a); return; }
    if (e.key === "Escape" && kbd[a.id]) {
      window.clearTimeout(kbdTimers.current[a.id]);
      setKbd((k) => { const n = { ...k }; delete n[a.id]; return n; });
      setAnnounce("Move cancelled.");
      return;
    }
    if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      const dir = e.key === "ArrowLeft" ? -1 : 1;
      next = e.shiftKey ? { ...cur, durationMinutes: Math.max(15, cur.durationMinutes + 15 * dir) } : { ...cur, start: nudge(cur.start, dir) };
    } else if ((e.key === "ArrowUp" || e.key === "ArrowDown") && e.altKey) {
      const i = rowIndex.get(cur.resourceId) ?? 0;
      const r = resources[Math.min(resources.length - 1, Math.max(0, i + (e.key === "ArrowUp" ? -1 : 1)))];
      if (r) next = { ...cur, resourceId: r.id };
    }
    if (!next) return;
    e.preventDefault();
    const n = next;
    setKbd((k) => ({ ...k, [a.id]: n }));
    const rname = resources.find((r) => r.id === n.resourceId)?.name ?? "";
    setAnnounce(`${formatTime(n.start, tz)} to ${formatTime(n.start + n.durationMinutes * MINUTE, tz)}, ${rname}. Saves in a moment; Escape to cancel.`);
    window.clearTimeout(kbdTimers.current[a.id]);
    kbdTimers.current[a.id] = window.setTimeout(() => {
      setKbd((k) => { const m = { ...k }; delete m[a.id]; return m; });
      void commit(a, n);
    }, 900);
  };

  // ---- rendering -----------------------------------------------------------------
  const tickList = useMemo(() => ticks(axis, axis.pxPerMinute >= 1 ? 60 : 120), [axis]);
  const quarterLines = useMemo(() => (axis.pxPerMinute >= 1 ? ticks(axis, 15) : []), [axis]);
  const offHours = useMemo(() => {
    if (!p.hours.length) return [];
    const out: { left: number; width: number }[] = [];
    for (const s of axis.segments) {
      const wd = weekdayOf(s.date);
      const rows = p.hours.filter((h) => h.dayOfWeek === wd).map((h) => ({ a: zonedInstant(s.date, parseTime(h.openTime), tz), b: zonedInstant(s.date, parseTime(h.closeTime), tz) })).sort((x, y) => x.a - y.a);
      let cursor = s.start;
      for (const r of rows) {
        if (r.a > cursor) out.push({ left: timeToX(axis, cursor), width: timeToX(axis, Math.min(r.a, s.end)) - timeToX(axis, cursor) });
        cursor = Math.max(cursor, r.b);
      }
      if (cursor < s.end) out.push({ left: timeToX(axis, cursor), width: timeToX(axis, s.end) - timeToX(axis, cursor) });
    }
    return out.filter((o) => o.width > 0);
  }, [axis, p.hours, tz]);
  const nowX = now >= axis.segments[0]!.start && now <= axis.segments[axis.segments.length - 1]!.end && axis.segments.some((s) => now >= s.start && now <= s.end) ? timeToX(axis, now) : null;
  const multiDay = axis.segments.length > 1;

  const renderBlock = (a: Appointment) => {
    const dragging = drag && drag.kind !== "select" && drag.appt.id === a.id && drag.moved ? drag.preview : null;
    const pos = dragging ?? kbd[a.id] ?? saving[a.id] ?? { start: startOf(a), durationMinutes: a.durationMinutes, resourceId: a.resourceId! };
    const rect = blockRect(axis, pos.start, pos.durationMinutes);
    const ri = rowIndex.get(pos.resourceId);
    if (!rect || ri === undefined) return null;
    const moved = pos.resourceId !== a.resourceId || !!dragging;
    const lp = moved ? { lane: 0, lanes: 1 } : lanes.get(a.id) ?? { lane: 0, lanes: 1 };
    const h = heights[ri]!;
    const laneH = lp.lanes > 1 ? (h - 8) / lp.lanes : h - 8;
    const top = tops[ri]! + 4 + lp.lane * laneH;
    const { title, subtitle } = p.labelFor(a);
    const st = statusStyle[a.status] ?? statusStyle.CONFIRMED;
    const end = pos.start + pos.durationMinutes * MINUTE;
    const timeLabel = `${formatTime(pos.start, tz)}–${formatTime(end, tz)}`;
    const ro = p.readOnly?.(a);
    const rname = resources[ri]?.name ?? "";
    return (
      <div key={a.id} role="button" tabIndex={0} data-appointment={a.id}
        aria-label={`${title}, ${subtitle}, ${timeLabel}, ${rname}, ${st.label}.${ro ? "" : " Arrow keys move by 15 minutes, Shift+arrows change length, Alt+Up/Down change resource."} Enter opens details.`}
        onPointerDown={(e) => onBlockPointerDown(e, a, "move")}
        onKeyDown={(e) => onBlockKey(e, a)}
        className={cx("group absolute overflow-hidden rounded-md border-l-4 px-2 py-1 text-xs shadow-sm outline-offset-1 select-none",
          st.block, ro ? "cursor-pointer" : "cursor-grab active:cursor-grabbing",
          dragging && "z-20 opacity-90 shadow-lg ring-2 ring-brand",
          (kbd[a.id] || saving[a.id]) && "ring-2 ring-dashed ring-brand",
          saving[a.id] && "animate-pulse",
          errors[a.id] && "ring-2 ring-red-500")}
        style={{ left: rect.left, width: Math.max(rect.width - 2, 6), top, height: laneH - 2, touchAction: "none" }}>
        {!ro && <span aria-hidden="true" onPointerDown={(e) => onBlockPointerDown(e, a, "resize-start")}
          className="absolute inset-y-0 left-0 w-2 cursor-ew-resize opacity-0 group-hover:opacity-100 bg-black/10" />}
        <p className="truncate font-semibold leading-tight">{title}</p>
        {laneH > 34 && <p className="truncate leading-tight opacity-80">{timeLabel} · {subtitle}</p>}
        {!ro && <span aria-hidden="true" onPointerDown={(e) => onBlockPointerDown(e, a, "resize-end")}
          className="absolute inset-y-0 right-0 w-2 cursor-ew-resize opacity-0 group-hover:opacity-100 bg-black/10" />}
      </div>
    );
  };

  return (
    <div className="relative" style={{ width: NAME_W + axis.width }}>
      <div aria-live="polite" className="sr-only">{announce}</div>
      {/* header */}
      <div className="sticky top-0 z-30 flex border-b border-line bg-surface">
        <div className="sticky left-0 z-10 flex shrink-0 items-end border-r border-line bg-surface px-3 pb-1.5 text-xs font-medium text-muted" style={{ width: NAME_W }}>Resource</div>
        <div className="relative" style={{ width: axis.width, height: multiDay ? 52 : 32 }}>
          {multiDay && axis.segments.map((s) => (
            <div key={s.date} className="absolute top-0 border-l border-line px-2 pt-1 text-xs font-semibold" style={{ left: s.x, width: s.width }}>
              {new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(Date.parse(s.date + "T12:00:00Z"))}
            </div>
          ))}
          {tickList.map((t) => (
            <span key={t.ms} className="absolute bottom-1 -translate-x-1/2 text-[11px] tabular-nums text-muted first:translate-x-0" style={{ left: t.x }}>
              {t.dayStart && multiDay ? "" : t.label}
            </span>
          ))}
        </div>
      </div>
      <div className="flex">
        {/* resource names */}
        <div className="sticky left-0 z-20 shrink-0 border-r border-line bg-surface" style={{ width: NAME_W }}>
          {resources.map((r, i) => (
            <div key={r.id} className="flex items-center gap-2 border-b border-line px-3" style={{ height: heights[i] }}>
              <span aria-hidden="true" className="grid h-7 w-7 shrink-0 place-items-center rounded-full bg-brand/10 text-xs font-semibold text-brand">{r.name.slice(0, 1)}</span>
              <div className="min-w-0">
                <p className="truncate text-sm font-medium">{r.name}</p>
                <p className="text-[11px] uppercase tracking-wide text-muted">{r.type.toLowerCase()}</p>
              </div>
            </div>
          ))}
        </div>
        {/* tracks */}
        <div ref={tracksRef} className="relative select-none" style={{ width: axis.width, height: totalH, touchAction: "pan-x pan-y" }}
          onPointerDown={onTrackPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={() => setDrag(null)}>
          {offHours.map((o, i) => <div key={i} aria-hidden="true" className="pointer-events-none absolute inset-y-0 bg-surface-2/70" style={{ left: o.left, width: o.width }} />)}
          {quarterLines.map((t) => <div key={"q" + t.ms} aria-hidden="true" className="pointer-events-none absolute inset-y-0 border-l border-dashed border-line/60" style={{ left: t.x }} />)}
          {tickList.map((t) => <div key={t.ms} aria-hidden="true" className={cx("pointer-events-none absolute inset-y-0 border-l", t.dayStart ? "border-fg/25" : "border-line")} style={{ left: t.x }} />)}
          {resources.map((r, i) => (
            <div key={r.id} data-row={r.id} aria-hidden="true" className="absolute inset-x-0 border-b border-line" style={{ top: tops[i], height: heights[i] }} />
          ))}
          {p.highlight && rowIndex.has(p.highlight.resourceId) && (() => {
            const rc = blockRect(axis, p.highlight.start, p.highlight.durationMinutes);
            const i = rowIndex.get(p.highlight.resourceId)!;
            return rc && <div aria-hidden="true" className="pointer-events-none absolute rounded-md border-2 border-dashed border-brand bg-brand/10" style={{ left: rc.left, width: rc.width, top: tops[i]! + 4, height: heights[i]! - 8 }} />;
          })()}
          {p.blockers.map((b) => {
            const i = b.resourceId ? rowIndex.get(b.resourceId) : undefined;
            const rc = blockRect(axis, Date.parse(b.startTime), b.durationMinutes);
            if (i === undefined || !rc) return null;
            return (
              <button key={b.id} type="button" onPointerDown={(e) => e.stopPropagation()} onClick={() => p.onOpenBlocker(b)}
                aria-label={`Blocked: ${b.title}, ${formatTime(Date.parse(b.startTime), tz)}–${formatTime(Date.parse(b.startTime) + b.durationMinutes * MINUTE, tz)}, ${resources[i]?.name}`}
                className="hatch absolute overflow-hidden rounded-md border border-dashed border-muted/50 bg-surface-2/60 px-2 py-1 text-left text-[11px] font-medium text-muted"
                style={{ left: rc.left, width: rc.width, top: tops[i]! + 2, height: heights[i]! - 4 }}>
                <span className="truncate">{b.title}</span>
              </button>
            );
          })}
          {drag?.kind === "select" && (() => {
            const i = rowIndex.get(drag.resourceId)!;
            const rc = blockRect(axis, drag.preview.start, (drag.preview.end - drag.preview.start) / MINUTE);
            return rc && <div aria-hidden="true" className="pointer-events-none absolute rounded-md border-2 border-brand bg-brand/15 px-2 py-1 text-[11px] font-medium text-brand"
              style={{ left: rc.left, width: rc.width, top: tops[i]! + 4, height: heights[i]! - 8 }}>
              {formatTime(drag.preview.start, tz)}–{formatTime(drag.preview.end, tz)}
            </div>;
          })()}
          {visible.map(renderBlock)}
          {Object.entries(errors).map(([id, msg]) => {
            const a = visible.find((x) => x.id === id);
            if (!a) return null;
            const i = rowIndex.get(a.resourceId!);
            if (i === undefined) return null;
            // Keep the reason inside the visible part of the scrolled timeline (288 px wide at most).
            const scroller = tracksRef.current?.closest<HTMLElement>('[role="region"]');
            const visLeft = scroller ? scroller.scrollLeft : 0;
            const visRight = scroller ? scroller.scrollLeft + scroller.clientWidth - NAME_W : axis.width;
            const left = Math.max(0, Math.max(visLeft + 4, Math.min(timeToX(axis, startOf(a)), visRight - 296)));
            return (
              <div key={"err" + id} role="alert" className="absolute z-30 max-w-72 rounded-md bg-red-600 px-2.5 py-1.5 text-xs font-medium text-white shadow-lg"
                style={{ left, top: tops[i]! + heights[i]! - 6 }}>
                {msg}
              </div>
            );
          })}
          {nowX !== null && (
            <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 z-10 w-0.5 bg-red-500" style={{ left: nowX }}>
              <span className="absolute -left-1 -top-1 h-2.5 w-2.5 rounded-full bg-red-500" />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
