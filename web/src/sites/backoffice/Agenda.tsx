import { useMutation, useQueryClient } from "@tanstack/react-query";
import { appointmentsApi } from "../../api/business";
import { errorMessage } from "../../api/client";
import type { AppointmentStatus, Me } from "../../api/types";
import { useTenantTz } from "../../app/config-context";
import { addDays, formatDay, formatTime, todayIn, zonedDate } from "../../lib/time";
import { useAppointments, useCustomers, useResources, useServices } from "../../scheduler/data";
import { statusStyle } from "../../scheduler/status";
import { Badge, EmptyState, ErrorState, SkeletonRows } from "../../ui/feedback";
import { Card, PageHeader } from "../../ui/Page";
import { useToast } from "../../ui/Toast";

/** The signed-in staff member's own appointments (via the resource linked to their user). */
export default function Agenda({ me }: { me: Me }) {
  const tz = useTenantTz();
  const qc = useQueryClient();
  const toast = useToast();
  const today = todayIn(tz);
  const resources = useResources();
  const mine = (resources.data ?? []).filter((r) => r.userId === me.id || r.id === me.resourceId);
  const appts = useAppointments(today, addDays(today, 7));
  const services = useServices();
  const customers = useCustomers();
  const svc = new Map((services.data ?? []).map((s) => [s.id, s.name]));
  const cust = new Map((customers.data ?? []).map((c) => [c.id, c]));
  const ids = new Set(mine.map((r) => r.id));
  const list = (appts.data ?? []).filter((a) => a.startTime && ids.has(a.resourceId ?? "") && a.status !== "CANCELLED").sort((a, b) => a.startTime!.localeCompare(b.startTime!));
  const days = Array.from({ length: 7 }, (_, i) => addDays(today, i)).map((d) => ({ d, items: list.filter((a) => zonedDate(Date.parse(a.startTime!), tz) === d) })).filter((g) => g.items.length);
  const set = useMutation({
    mutationFn: ({ id, status }: { id: string; status: AppointmentStatus }) => appointmentsApi.update(id, { status }),
    onSuccess: (_, v) => { toast(`Marked ${statusStyle[v.status].label.toLowerCase()}.`); void qc.invalidateQueries({ queryKey: ["appointments"] }); },
    onError: (e) => toast(errorMessage(e), "error"),
  });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="My agenda" description={mine.length ? `Next 7 days for ${mine.map((r) => r.name).join(", ")}` : undefined} />
      {resources.isLoading || appts.isLoading ? <SkeletonRows rows={5} /> : appts.isError ? <ErrorState error={appts.error} onRetry={() => appts.refetch()} />
        : !mine.length ? <EmptyState icon="user" title="You're not linked to a resource">Ask an owner or manager to link your account to a staff resource so your appointments show here.</EmptyState>
        : !days.length ? <EmptyState icon="calendar" title="A clear week">No appointments in the next 7 days.</EmptyState>
        : (
          <div className="space-y-4">
            {days.map(({ d, items }) => (
              <Card key={d} title={d === today ? "Today" : formatDay(d, { weekday: "long", month: "long", day: "numeric" })}>
                <ul className="divide-y divide-line">
                  {items.map((a) => {
                    const c = cust.get(a.customerId ?? "");
                    return (
                      <li key={a.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                        <span className="w-20 shrink-0 font-semibold tabular-nums">{formatTime(Date.parse(a.startTime!), tz)}</span>
                        <div className="min-w-0 flex-1">
                          <p className="font-medium">{a.customerName ?? c?.name ?? "Walk-in"}</p>
                          <p className="text-sm text-muted">{a.serviceName ?? svc.get(a.serviceId ?? "") ?? "Appointment"} · {a.durationMinutes} min{c?.phone ? ` · ${c.phone}` : ""}</p>
                          {a.notes && <p className="mt-1 text-sm">{a.notes}</p>}
                        </div>
                        <Badge tone={statusStyle[a.status].tone}>{statusStyle[a.status].label}</Badge>
                        {a.status === "PENDING" && <button type="button" className="btn-secondary py-1" onClick={() => set.mutate({ id: a.id, status: "CONFIRMED" })}>Confirm</button>}
                        {a.status === "CONFIRMED" && <button type="button" className="btn-primary py-1" onClick={() => set.mutate({ id: a.id, status: "COMPLETED" })}>Complete</button>}
                        {a.status === "CONFIRMED" && Date.parse(a.startTime!) < Date.now() && <button type="button" className="btn-ghost py-1 text-red-600 dark:text-red-400" onClick={() => set.mutate({ id: a.id, status: "NO_SHOW" })}>No-show</button>}
                      </li>
                    );
                  })}
                </ul>
              </Card>
            ))}
          </div>
        )}
    </div>
  );
}
