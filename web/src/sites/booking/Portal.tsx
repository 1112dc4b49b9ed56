import { useState } from "react";
import { Link } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { bookingApi } from "../../api/booking";
import { errorMessage, resultsOf } from "../../api/client";
import type { Appointment, Me } from "../../api/types";
import { useConfig } from "../../app/config-context";
import { browserTimeZone, formatDateLong, formatTime, parseTime, toIso, zonedInstant, zonedDate } from "../../lib/time";
import { cx } from "../../ui/cx";
import { Dialog } from "../../ui/Dialog";
import { Alert, Badge, EmptyState, ErrorState, SkeletonRows } from "../../ui/feedback";
import { useToast } from "../../ui/Toast";
import { feeAmount, formatMoney, isLateCancellation } from "./policy";
import { SlotPicker } from "./SlotPicker";

const statusTone = { PENDING: "amber", CONFIRMED: "green", COMPLETED: "gray", CANCELLED: "gray", NO_SHOW: "red" } as const;

export default function Portal({ me }: { me: Me | null }) {
  const [tab, setTab] = useState<"upcoming" | "past">("upcoming");
  const tz = browserTimeZone();
  const list = useQuery({ queryKey: ["portal", tab], queryFn: () => bookingApi.myAppointments(tab), select: resultsOf, enabled: !!me });
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const [moving, setMoving] = useState<Appointment | null>(null);
  if (!me) {
    return <EmptyState icon="user" title="Sign in to see your appointments"
      action={<div className="flex flex-wrap justify-center gap-2"><Link to="/login?next=/portal" className="btn-primary">Sign in</Link><Link to="/signup" className="btn-secondary">Create an account</Link></div>}>
      Booked as a guest? Create an account with the email you booked with and your bookings show up here.
    </EmptyState>;
  }
  return (
    <section aria-labelledby="portal-h">
      <h1 id="portal-h" className="text-2xl font-semibold tracking-tight">My appointments</h1>
      <div role="tablist" aria-label="Appointments" className="mt-4 inline-flex rounded-lg border border-line bg-surface p-0.5">
        {(["upcoming", "past"] as const).map((t) => (
          <button key={t} role="tab" type="button" aria-selected={tab === t} onClick={() => setTab(t)}
            className={cx("rounded-md px-4 py-1.5 text-sm font-medium capitalize", tab === t ? "bg-brand text-brand-fg" : "text-muted hover:text-fg")}>{t}</button>
        ))}
      </div>
      <div role="tabpanel" className="mt-4">
        {list.isLoading ? <SkeletonRows rows={3} /> : list.isError ? <ErrorState error={list.error} onRetry={() => list.refetch()} />
          : !list.data?.length ? (
            <EmptyState icon="calendar" title={tab === "upcoming" ? "No upcoming appointments" : "No past appointments"}
              action={tab === "upcoming" ? <Link to="/" className="btn-primary">Book an appointment</Link> : undefined}>
              {tab === "upcoming" ? "Bookings you make while signed in, or with this account's email, show here." : "Appointments you've had show here."}
            </EmptyState>
          ) : (
            <ul className="space-y-3">
              {list.data.map((a) => {
                const s = a.startTime ? Date.parse(a.startTime) : null;
                const active = tab === "upcoming" && a.status !== "CANCELLED";
                return (
                  <li key={a.id} className="card p-4">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div>
                        <p className="font-semibold">{a.serviceName ?? "Appointment"}</p>
                        {s && <p className="text-sm text-muted">{formatDateLong(s, tz)} · {formatTime(s, tz)}</p>}
                      </div>
                      <Badge tone={statusTone[a.status] ?? "gray"}>{a.status.replace("_", " ").toLowerCase()}</Badge>
                    </div>
                    {active && (
                      <div className="mt-3 flex gap-2">
                        <button type="button" className="btn-secondary" onClick={() => setMoving(a)}>Reschedule</button>
                        <button type="button" className="btn-ghost text-red-600 dark:text-red-400" onClick={() => setCancelling(a)}>Cancel</button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
      </div>
      {cancelling && <CancelDialog appt={cancelling} onClose={() => setCancelling(null)} tz={tz} />}
      {moving && <RescheduleDialog appt={moving} onClose={() => setMoving(null)} tz={tz} />}
    </section>
  );
}

function CancelDialog({ appt, onClose, tz }: { appt: Appointment; onClose: () => void; tz: string }) {
  const cfg = useConfig();
  const qc = useQueryClient();
  const toast = useToast();
  const preview = useQuery({ queryKey: ["cancel-preview", appt.id], queryFn: () => bookingApi.cancellationPreview(appt.id), retry: false });
  const t = cfg.tenant!;
  const start = Date.parse(appt.startTime ?? "");
  // The server's preview is authoritative; the policy in the config is a fallback.
  const late = preview.data ? preview.data.lateCancellation : isLateCancellation(start, Date.now(), t.cancellationWindowHours);
  const pct = preview.data?.feePercent ?? t.lateCancellationFeePercent;
  const fee = preview.data?.feeAmount ?? feeAmount(appt.price, pct);
  const cancel = useMutation({
    mutationFn: () => bookingApi.cancel(appt.id),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ["portal"] }); toast("Appointment cancelled."); onClose(); },
  });
  return (
    <Dialog open onClose={onClose} size="sm" title="Cancel this appointment?"
      description={`${appt.serviceName ?? "Appointment"} · ${formatDateLong(start, tz)}, ${formatTime(start, tz)}`}
      footer={<>
        <button type="button" className="btn-secondary" onClick={onClose}>Keep it</button>
        <button type="button" className="btn-danger" onClick={() => cancel.mutate()} disabled={cancel.isPending || preview.isLoading}>
          {cancel.isPending ? "Cancelling…" : late && pct > 0 ? "Cancel and accept fee" : "Cancel appointment"}
        </button>
      </>}>
      {cancel.isError && <Alert className="mb-3">{errorMessage(cancel.error)}</Alert>}
      {preview.isLoading ? <p className="text-sm text-muted">Checking the cancellation policy…</p>
        : late && pct > 0 ? (
          <Alert tone="warning" title="Late cancellation fee">
            This is within {preview.data?.cancellationWindowHours ?? t.cancellationWindowHours} hours of the start, so a fee of {pct}%
            {fee ? <> (<strong>{formatMoney(fee, preview.data?.currency ?? appt.currency)}</strong>)</> : null} applies.
          </Alert>
        ) : <p className="text-sm text-muted">You won't be charged for cancelling.</p>}
    </Dialog>
  );
}

function RescheduleDialog({ appt, onClose, tz }: { appt: Appointment; onClose: () => void; tz: string }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [date, setDate] = useState(() => zonedDate(Date.parse(appt.startTime ?? "") || Date.now(), tz));
  const [time, setTime] = useState("");
  const move = useMutation({
    mutationFn: () => bookingApi.reschedule(appt.id, toIso(zonedInstant(date, parseTime(time), tz))),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ["portal"] }); toast("Appointment moved."); onClose(); },
  });
  return (
    <Dialog open onClose={onClose} title="Choose a new time" description={`Times in ${tz.replace(/_/g, " ")}`}
      footer={<>
        <button type="button" className="btn-secondary" onClick={onClose}>Close</button>
        <button type="button" className="btn-primary" disabled={!time || move.isPending} onClick={() => move.mutate()}>{move.isPending ? "Moving…" : "Move appointment"}</button>
      </>}>
      {move.isError && <Alert className="mb-3">{errorMessage(move.error)}</Alert>}
      {appt.serviceId ? <SlotPicker serviceId={appt.serviceId} resourceId={appt.resourceId ?? undefined} tz={tz} date={date} time={time} onChange={(d, t) => { setDate(d); setTime(t); }} />
        : <Alert>This appointment can't be moved online. Please contact the business.</Alert>}
    </Dialog>
  );
}
