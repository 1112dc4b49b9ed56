import { useMemo, useRef, useState, type PointerEvent as RPointerEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { appointmentsApi } from "../api/business";
import type { Page } from "../api/client";
import type { Appointment, Blocker, Me } from "../api/types";
import { isManagerRole } from "../api/types";
import { useTenantTz } from "../app/config-context";
import { MINUTE, addDays, formatDay, formatDuration, formatTime, parseTime, startOfWeek, toIso, todayIn } from "../lib/time";
import { cx } from "../ui/cx";
import { Dialog } from "../ui/Dialog";
import { Badge, EmptyState, ErrorState, Skeleton } from "../ui/feedback";
import { Icon } from "../ui/Icon";
import { useToast } from "../ui/Toast";
import { AppointmentDialog, draftOf, type AppointmentDraft } from "./AppointmentDialog";
import { BlockerDialog, type BlockerDraft } from "./BlockerDialog";
import { conflictReason } from "./conflict";
import { useAppointments, useBlockers, useHours, usePending, useResources, useServices, useCustomers } from "./data";
import { useLiveSchedule } from "./live";
import { buildAxis } from "./geometry";
import { statusStyle } from "./status";
import { Timeline, type Change, type TimelineHandle } from "./Timeline";

type View = "day" | "week";

export function visibleWindow(hours: { openTime: string; closeTime: string }[]): [number, number] {
  if (!hours.length) return [7 * 60, 21 * 60];
  const open = Math.min(...hours.map((h) => parseTime(h.openTime)));
  const close = Math.max(...hours.map((h) => parseTime(h.closeTime)));
  return [Math.max(0, Math.floor(open / 60) * 60 - 60), Math.min(1440, Math.ceil(close / 60) * 60 + 60)];
}

export default function SchedulerPage({ me }: { me: Me }) {
  const tz = useTenantTz();
  const qc = useQueryClient();
  const toast = useToast();
  const [view, setView] = useState<View>(() => (window.innerWidth < 640 ? "day" : "day"));
  const [date, setDate] = useState(() => todayIn(tz));
  const dates = useMemo(() => (view === "day" ? [date] : Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(date), i))), [view, date]);
  const from = dates[0]!, to = dates[dates.length - 1]!;

  const resources = useResources();
  const services = useServices();
  const customers = useCustomers();
  const hours = useHours();
  const live = useLiveSchedule();
  const appts = useAppointments(from, addDays(to, 1));
  const blockers = useBlockers(from, addDays(to, 1));
  const pending = usePending();

  const [win0, win1] = visibleWindow(hours.data ?? []);
  const axis = useMemo(() => buildAxis(dates, tz, win0, win1, view === "day" ? 2 : 0.4, view === "day" ? 0 : 0), [dates, tz, win0, win1, view]);
  const activeResources = useMemo(() => {
    const all = (resources.data ?? []).filter((r) => r.isActive !== false);
    // Staff without manager rights see everyone but can only move their own when allowed.
    return all;
  }, [resources.data]);

  const serviceName = useMemo(() => new Map((services.data ?? []).map((s) => [s.id, s.name])), [services.data]);
  const customerName = useMemo(() => new Map((customers.data ?? []).map((c) => [c.id, c.name])), [customers.data]);
  const labelFor = (a: Appointment) => ({
    title: a.customerName ?? (a.customerId ? customerName.get(a.customerId) : null) ?? "Walk-in",
    subtitle: a.serviceName ?? (a.serviceId ? serviceName.get(a.serviceId) : null) ?? "Appointment",
  });

  const canEdit = isManagerRole(me.role) || me.role === "TENANT_STAFF";
  const ownResourceIds = useMemo(() => new Set((resources.data ?? []).filter((r) => r.userId === me.id).map((r) => r.id)), [resources.data, me.id]);
  const readOnly = (a: Appointment) => !canEdit || (!isManagerRole(me.role) && !ownResourceIds.has(a.resourceId ?? ""));

  const [apptDraft, setApptDraft] = useState<AppointmentDraft | null>(null);
  const [blockDraft, setBlockDraft] = useState<BlockerDraft | null>(null);
  const [choice, setChoice] = useState<{ resourceId: string; start: number; durationMinutes: number } | null>(null);

  const rangeKey = ["appointments", from, addDays(to, 1)];
  const onCommit = async (a: Appointment, c: Change & { status?: Appointment["status"] }) => {
    const body: Record<string, unknown> = { startTime: toIso(c.start), durationMinutes: c.durationMinutes, resourceId: c.resourceId };
    if (c.status) body.status = c.status;
    let updated: Appointment;
    try {
      updated = await appointmentsApi.update(a.id, body);
    } catch (e) {
      const reason = conflictReason(e, {
        appointments: [...(appts.data ?? []), ...(pending.data ?? [])], blockers: blockers.data ?? [], tz,
        resourceName: (id) => (resources.data ?? []).find((r) => r.id === id)?.name,
        customerName: (x) => labelFor(x).title,
      });
      throw reason ? new Error(reason) : e;
    }
    qc.setQueryData<Page<Appointment>>(rangeKey, (old) => {
      if (!old) return old;
      const exists = old.results.some((x) => x.id === a.id);
      const merged = { ...a, ...(updated ?? {}), startTime: updated?.startTime ?? toIso(c.start), durationMinutes: updated?.durationMinutes ?? c.durationMinutes, resourceId: updated?.resourceId ?? c.resourceId };
      return { ...old, results: exists ? old.results.map((x) => (x.id === a.id ? merged : x)) : [...old.results, merged] };
    });
    void qc.invalidateQueries({ queryKey: ["appointments"] });
  };

  // ---- pending-requests tray: drag a request onto the timeline ----------------------
  const timeline = useRef<TimelineHandle>(null);
  const [ghost, setGhost] = useState<{ appt: Appointment; x: number; y: number; target: { resourceId: string; start: number } | null } | null>(null);
  const [trayError, setTrayError] = useState<string | null>(null);
  const onTrayDown = (e: RPointerEvent, a: Appointment) => {
    if (e.button !== 0 || !canEdit) return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    setGhost({ appt: a, x: e.clientX, y: e.clientY, target: null });
  };
  const onTrayMove = (e: RPointerEvent) => {
    if (!ghost) return;
    setGhost({ ...ghost, x: e.clientX, y: e.clientY, target: timeline.current?.dropTarget(e.clientX, e.clientY) ?? null });
  };
  const onTrayUp = async (e: RPointerEvent) => {
    if (!ghost) return;
    const g = ghost;
    setGhost(null);
    const t = timeline.current?.dropTarget(e.clientX, e.clientY);
    if (!t) {
      if (Math.abs(e.clientX - g.x) < 4) setApptDraft(draftOf(g.appt));
      return;
    }
    setTrayError(null);
    try {
      await onCommit(g.appt, { ...t, durationMinutes: g.appt.durationMinutes || 30, status: "CONFIRMED" });
      void qc.invalidateQueries({ queryKey: ["appointments", "pending"] });
      toast(`Scheduled ${labelFor(g.appt).title} at ${formatTime(t.start, tz)}.`);
    } catch (err) {
      setTrayError(err instanceof Error ? err.message : "Couldn't schedule that request.");
    }
  };

  const shift = (n: number) => setDate((d) => addDays(d, view === "day" ? n : 7 * n));
  const loading = resources.isLoading || hours.isLoading;
  // The toolbar shows the longest title that fits its width (container queries below);
  // the full one is the tooltip and what a screen reader hears.
  const title = view === "day" ? formatDay(date, { weekday: "long", month: "long", day: "numeric", year: "numeric" })
    : `${formatDay(from, { month: "short", day: "numeric" })} – ${formatDay(to, { month: "short", day: "numeric", year: "numeric" })}`;
  const titleMid = view === "day" ? formatDay(date, { weekday: "short", month: "short", day: "numeric", year: "numeric" }) : title;
  const titleShort = view === "day" ? formatDay(date, { weekday: "short", month: "short", day: "numeric" })
    : `${formatDay(from, { month: "short", day: "numeric" })} – ${formatDay(to, { month: "short", day: "numeric" })}`;
  const pendingList = (pending.data ?? []).filter((a) => a.status === "PENDING");

  return (
    <div className="-mx-4 -my-6 flex h-[calc(100dvh-3.5rem)] flex-col sm:-mx-6 lg:-mx-8 lg:h-dvh">
      {/* toolbar */}
      <div className="@container flex flex-wrap items-center gap-2 border-b border-line bg-surface px-4 py-3">
        <h1 className="sr-only">Scheduler</h1>
        <div className="flex shrink-0 items-center gap-1">
          <button type="button" className="btn-secondary" onClick={() => setDate(todayIn(tz))}>Today</button>
          <button type="button" className="btn-ghost p-2" aria-label={view === "day" ? "Previous day" : "Previous week"} onClick={() => shift(-1)}><Icon name="chevronLeft" /></button>
          <button type="button" className="btn-ghost p-2" aria-label={view === "day" ? "Next day" : "Next week"} onClick={() => shift(1)}><Icon name="chevronRight" /></button>
        </div>
        <p className="min-w-0 flex-1 truncate text-base font-semibold" aria-live="polite" title={title} data-testid="scheduler-title">
          <span className="sr-only">{title}</span>
          <span aria-hidden="true" className="@min-[62rem]:hidden">{titleShort}</span>
          <span aria-hidden="true" className="hidden @min-[62rem]:inline @min-[68rem]:hidden">{titleMid}</span>
          <span aria-hidden="true" className="hidden @min-[68rem]:inline">{title}</span>
        </p>
        <span className="inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap text-xs text-muted" title={live ? "Changes by others appear at once" : "Reconnecting; refreshing every 15 seconds meanwhile"}>
          <span aria-hidden className={cx("h-2 w-2 rounded-full", live ? "bg-emerald-500" : "bg-amber-500")} />
          {live ? "Live" : "Reconnecting…"}
        </span>
        <label className="sr-only" htmlFor="sched-date">Go to date</label>
        <input id="sched-date" type="date" className="input w-auto py-1.5" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
        <div role="group" aria-label="View" className="inline-flex rounded-lg border border-line p-0.5">
          {(["day", "week"] as View[]).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}
              className={cx("rounded-md px-3 py-1 text-sm font-medium capitalize", view === v ? "bg-brand text-brand-fg" : "text-muted hover:text-fg")}>{v}</button>
          ))}
        </div>
        {canEdit && <>
          <button type="button" className="btn-secondary shrink-0 px-2.5 @min-[58rem]:px-3.5" title="Block time" onClick={() => setBlockDraft({})}>
            <Icon name="ban" /> <span className="sr-only @min-[58rem]:not-sr-only">Block time</span>
          </button>
          <button type="button" className="btn-primary shrink-0 px-2.5 @min-[58rem]:px-3.5" title="New appointment" onClick={() => setApptDraft({})}>
            <Icon name="plus" /> <span className="sr-only @min-[58rem]:not-sr-only">New appointment</span>
          </button>
        </>}
      </div>
      <div className="flex items-center gap-3 overflow-x-auto border-b border-line bg-surface px-4 py-1.5 text-xs text-muted">
        {(["PENDING", "CONFIRMED", "COMPLETED", "NO_SHOW"] as const).map((s) => (
          <span key={s} className="inline-flex items-center gap-1.5 whitespace-nowrap"><span className={cx("h-2.5 w-2.5 rounded-full", statusStyle[s].dot)} />{statusStyle[s].label}</span>
        ))}
        <span className="ml-auto hidden whitespace-nowrap md:inline">Drag to move · drag edges to resize · drag on empty time to create · {tz}</span>
        {appts.isFetching && !appts.isLoading && <span className="whitespace-nowrap">Refreshing…</span>}
      </div>
      <div className="flex min-h-0 flex-1 flex-col md:flex-row">
        <div className="min-h-0 flex-1 overflow-auto bg-surface" aria-label="Resource timeline" role="region" tabIndex={-1}>
          {loading ? (
            <div className="space-y-2 p-4" role="status" aria-label="Loading schedule">
              {Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-14 w-full" />)}
            </div>
          ) : resources.isError ? <ErrorState error={resources.error} onRetry={() => resources.refetch()} />
          : !activeResources.length ? (
            <EmptyState icon="users" title="Add your first resource" action={<a className="btn-primary" href="/resources">Add resources</a>}>
              Resources are the people, rooms and equipment that appointments are booked with.
            </EmptyState>
          ) : (
            <Timeline handle={timeline} axis={axis} resources={activeResources} appointments={appts.data ?? []} blockers={blockers.data ?? []}
              hours={hours.data ?? []} labelFor={labelFor} onCommit={onCommit} readOnly={readOnly}
              onOpen={(a) => setApptDraft(draftOf(a))} onOpenBlocker={(b: Blocker) => canEdit && setBlockDraft({ id: b.id, resourceId: b.resourceId ?? undefined, start: Date.parse(b.startTime), durationMinutes: b.durationMinutes, title: b.title })}
              onSelectRange={(r) => canEdit && setChoice(r)}
              highlight={ghost?.target ? { ...ghost.target, durationMinutes: ghost.appt.durationMinutes || 30 } : null} />
          )}
          {appts.isError && <ErrorState error={appts.error} onRetry={() => appts.refetch()} />}
        </div>
        {/* pending requests tray */}
        <aside aria-labelledby="tray-title" className="max-h-56 shrink-0 overflow-y-auto border-t border-line bg-canvas p-3 md:max-h-none md:w-72 md:border-l md:border-t-0">
          <div className="mb-2 flex items-center justify-between">
            <h2 id="tray-title" className="text-sm font-semibold">Pending requests</h2>
            <Badge tone={pendingList.length ? "amber" : "gray"}>{pendingList.length}</Badge>
          </div>
          {trayError && <p role="alert" className="mb-2 rounded-md bg-red-600 px-2.5 py-1.5 text-xs font-medium text-white">{trayError}</p>}
          {pending.isLoading ? <Skeleton className="h-16 w-full" /> : !pendingList.length ? (
            <p className="text-sm text-muted">No requests waiting. New online bookings that need approval appear here.</p>
          ) : (
            <ul className="space-y-2">
              {pendingList.map((a) => {
                const l = labelFor(a);
                return (
                  <li key={a.id}>
                    <div role="button" tabIndex={0} onPointerDown={(e) => onTrayDown(e, a)} onPointerMove={onTrayMove} onPointerUp={onTrayUp}
                      onKeyDown={(e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); setApptDraft(draftOf(a)); } }}
                      aria-label={`${l.title}, ${l.subtitle}. Drag onto the timeline to schedule, or press Enter to choose a time.`}
                      className={cx("card cursor-grab select-none border-l-4 border-l-amber-400 p-2.5 text-sm active:cursor-grabbing", ghost?.appt.id === a.id && "opacity-50")}
                      style={{ touchAction: "none" }}>
                      <p className="font-medium">{l.title}</p>
                      <p className="text-xs text-muted">{l.subtitle} · {formatDuration(a.durationMinutes)}</p>
                      {a.startTime && <p className="text-xs text-muted">Requested {formatDay(a.startTime.slice(0, 10))} {formatTime(Date.parse(a.startTime), tz)}</p>}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </aside>
      </div>
      {ghost && (
        <div aria-hidden="true" className="pointer-events-none fixed z-50 rounded-md border-l-4 border-amber-500 bg-amber-100 px-2 py-1 text-xs font-semibold text-amber-950 shadow-xl"
          style={{ left: ghost.x + 8, top: ghost.y + 8 }}>
          {labelFor(ghost.appt).title}{ghost.target ? ` · ${formatTime(ghost.target.start, tz)}` : ""}
        </div>
      )}
      <Dialog open={!!choice} onClose={() => setChoice(null)} size="sm" title="Add to the schedule"
        description={choice ? `${formatTime(choice.start, tz)}–${formatTime(choice.start + choice.durationMinutes * MINUTE, tz)} · ${activeResources.find((r) => r.id === choice.resourceId)?.name ?? ""}` : undefined}>
        <div className="grid gap-2">
          <button type="button" className="btn-primary justify-start" autoFocus onClick={() => { setApptDraft({ resourceId: choice!.resourceId, start: choice!.start, durationMinutes: Math.max(choice!.durationMinutes, 15) }); setChoice(null); }}>
            <Icon name="calendar" /> New appointment
          </button>
          <button type="button" className="btn-secondary justify-start" onClick={() => { setBlockDraft({ resourceId: choice!.resourceId, start: choice!.start, durationMinutes: choice!.durationMinutes }); setChoice(null); }}>
            <Icon name="ban" /> Block this time
          </button>
        </div>
      </Dialog>
      <AppointmentDialog open={!!apptDraft} onClose={() => setApptDraft(null)} draft={apptDraft ?? {}} services={services.data ?? []} resources={activeResources} tz={tz} />
      <BlockerDialog open={!!blockDraft} onClose={() => setBlockDraft(null)} draft={blockDraft ?? {}} resources={activeResources} tz={tz} />
    </div>
  );
}
