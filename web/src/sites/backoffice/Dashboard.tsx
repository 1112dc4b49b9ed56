import { Link } from "react-router";
import type { Me } from "../../api/types";
import { useTenantTz, useConfig } from "../../app/config-context";
import { MINUTE, addDays, formatDay, formatTime, startOfWeek, todayIn, zonedDate } from "../../lib/time";
import { useAppointments, usePending, useServices, useCustomers } from "../../scheduler/data";
import { statusStyle } from "../../scheduler/status";
import { BarChart, MetricCard } from "../../ui/charts";
import { Badge, EmptyState, ErrorState, Skeleton, SkeletonRows } from "../../ui/feedback";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";

export default function Dashboard({ me }: { me: Me }) {
  const tz = useTenantTz();
  const cfg = useConfig();
  const today = todayIn(tz);
  const week0 = startOfWeek(today);
  const appts = useAppointments(week0, addDays(week0, 7));
  const pending = usePending();
  const services = useServices();
  const customers = useCustomers();
  const svc = new Map((services.data ?? []).map((s) => [s.id, s]));
  const cust = new Map((customers.data ?? []).map((c) => [c.id, c.name]));
  const live = (appts.data ?? []).filter((a) => a.startTime && a.status !== "CANCELLED");
  const todays = live.filter((a) => zonedDate(Date.parse(a.startTime!), tz) === today).sort((a, b) => a.startTime!.localeCompare(b.startTime!));
  const upcoming = todays.filter((a) => Date.parse(a.startTime!) + a.durationMinutes * MINUTE > Date.now());
  const revenue = live.filter((a) => a.status !== "NO_SHOW").reduce((sum, a) => sum + Number(a.price ?? svc.get(a.serviceId ?? "")?.price ?? 0), 0);
  const perDay = Array.from({ length: 7 }, (_, i) => addDays(week0, i)).map((d) => ({ label: formatDay(d, { weekday: "short" }), value: live.filter((a) => zonedDate(Date.parse(a.startTime!), tz) === d).length }));
  const hour = Number(new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", timeZone: tz }).format(Date.now()));
  const greet = hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening";
  return (
    <div>
      <PageHeader title={`${greet}, ${(me.name || "").split(" ")[0] || "there"}`} description={`${cfg.tenant?.name} · ${formatDay(today, { weekday: "long", month: "long", day: "numeric" })}`}
        actions={<Link to="/scheduler" className="btn-primary"><Icon name="calendar" /> Open scheduler</Link>} />
      {appts.isError ? <ErrorState error={appts.error} onRetry={() => appts.refetch()} /> : (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {appts.isLoading ? [0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-[92px]" />) : <>
            <MetricCard label="Appointments today" value={String(todays.length)} />
            <MetricCard label="Still to come today" value={String(upcoming.length)} />
            <MetricCard label="This week" value={String(live.length)} />
            <MetricCard label="Booked revenue this week" value={new Intl.NumberFormat(undefined, { style: "currency", currency: services.data?.[0]?.currency ?? "USD", maximumFractionDigits: 0 }).format(revenue)} />
          </>}
        </div>
      )}
      <div className="mt-6 grid gap-4 lg:grid-cols-3">
        <Card title="Today" className="lg:col-span-2" actions={<Link to="/scheduler" className="text-sm font-medium text-brand hover:underline">View all</Link>}>
          {appts.isLoading ? <SkeletonRows rows={4} /> : !todays.length ? (
            <EmptyState icon="calendar" title="Nothing booked today" action={<Link to="/scheduler" className="btn-secondary">Add an appointment</Link>}>Share your booking page to fill the calendar.</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {todays.map((a) => (
                <li key={a.id} className="flex items-center gap-3 px-4 py-3">
                  <span className="w-20 shrink-0 text-sm font-semibold tabular-nums">{formatTime(Date.parse(a.startTime!), tz)}</span>
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium">{a.customerName ?? cust.get(a.customerId ?? "") ?? "Walk-in"}</p>
                    <p className="truncate text-xs text-muted">{a.serviceName ?? svc.get(a.serviceId ?? "")?.name ?? "Appointment"} · {a.durationMinutes} min</p>
                  </div>
                  <Badge tone={statusStyle[a.status].tone}>{statusStyle[a.status].label}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="space-y-4">
          <Card title="Pending requests" actions={<Badge tone={pending.data?.length ? "amber" : "gray"}>{pending.data?.length ?? 0}</Badge>}>
            <p className="p-4 text-sm text-muted">{pending.data?.length ? <>Requests are waiting in the scheduler's tray. <Link className="font-medium text-brand hover:underline" to="/scheduler">Review them</Link>.</> : "No requests waiting."}</p>
          </Card>
          <Card title="This week"><div className="p-4"><BarChart label="Appointments this week" data={perDay} height={140} /></div></Card>
        </div>
      </div>
    </div>
  );
}
