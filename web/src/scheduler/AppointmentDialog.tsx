import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { appointmentsApi, customersApi } from "../api/business";
import { ApiError, errorMessage } from "../api/client";
import { APPOINTMENT_STATUSES, type Appointment, type AppointmentStatus, type Customer, type Resource, type Service } from "../api/types";
import { MINUTE, formatClock, fmtTimeOfDay, parseTime, toIso, zonedDate, zonedInstant, zonedMinutes } from "../lib/time";
import { isEmpty, validateAppointment } from "../lib/validation";
import { cx } from "../ui/cx";
import { Dialog } from "../ui/Dialog";
import { Alert, Skeleton } from "../ui/feedback";
import { SelectField, TextArea, TextField } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { statusStyle } from "./status";

export interface AppointmentDraft {
  id?: string;
  customerId?: string | null;
  customerName?: string | null;
  serviceId?: string | null;
  resourceId?: string | null;
  start?: number | null;
  durationMinutes?: number;
  status?: AppointmentStatus;
  notes?: string;
}

export function draftOf(a: Appointment): AppointmentDraft {
  return {
    id: a.id, customerId: a.customerId, customerName: a.customerName ?? null, serviceId: a.serviceId, resourceId: a.resourceId,
    start: a.startTime ? Date.parse(a.startTime) : null, durationMinutes: a.durationMinutes, status: a.status, notes: a.notes ?? "",
  };
}

/** Resources that can perform a service: its list, or any active staff when it has none. */
export function eligibleResources(service: Service | undefined, resources: Resource[]): Resource[] {
  const active = resources.filter((r) => r.isActive !== false);
  if (!service) return active;
  if (!service.resourceIds?.length) return active.filter((r) => r.type === "STAFF");
  const ids = service.resourceIds;
  return active.filter((r) => ids.includes(r.id));
}

function CustomerPicker({ value, name, onChange, error }: { value: string | null; name: string | null; onChange: (c: Customer | null) => void; error?: string }) {
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const res = useQuery({ queryKey: ["customers", "pick", q], queryFn: () => customersApi.list({ search: q, page_size: 8 }), enabled: open });
  const list = res.data?.results ?? [];
  return (
    <div className="relative">
      <label className="label" htmlFor="cust-search">Customer</label>
      {value && !open ? (
        <div className="flex items-center justify-between rounded-lg border border-line px-3 py-2 text-sm">
          <span>{name ?? "Selected customer"}</span>
          <button type="button" className="text-sm font-medium text-brand hover:underline" onClick={() => setOpen(true)}>Change</button>
        </div>
      ) : (
        <>
          <input id="cust-search" className="input" role="combobox" aria-expanded={open} aria-controls="cust-list" aria-autocomplete="list"
            placeholder="Search by name, email or phone" value={q} onFocus={() => setOpen(true)} onChange={(e) => { setQ(e.target.value); setOpen(true); }}
            aria-invalid={error ? true : undefined} />
          {open && (
            <ul id="cust-list" role="listbox" className="absolute z-10 mt-1 max-h-56 w-full overflow-auto rounded-lg border border-line bg-surface py-1 shadow-lg">
              {res.isLoading && <li className="px-3 py-2"><Skeleton className="h-4 w-40" /></li>}
              {!res.isLoading && !list.length && <li className="px-3 py-2 text-sm text-muted">No customers match. Add them under Customers.</li>}
              {list.map((c) => (
                <li key={c.id} role="option" aria-selected={c.id === value} tabIndex={-1}
                  className="cursor-pointer px-3 py-2 text-sm hover:bg-surface-2"
                  onMouseDown={(e) => { e.preventDefault(); onChange(c); setOpen(false); setQ(""); }}>
                  <span className="font-medium">{c.name}</span> <span className="text-muted">{c.email}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && <p className="mt-1 text-sm text-red-600 dark:text-red-400">{error}</p>}
    </div>
  );
}

export function AppointmentDialog({ open, onClose, draft, services, resources, tz }: {
  open: boolean; onClose: () => void; draft: AppointmentDraft; services: Service[]; resources: Resource[]; tz: string;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const [serviceId, setServiceId] = useState("");
  const [resourceId, setResourceId] = useState("");
  const [customer, setCustomer] = useState<{ id: string | null; name: string | null }>({ id: null, name: null });
  const [date, setDate] = useState("");
  const [time, setTime] = useState("");
  const [duration, setDuration] = useState(30);
  const [status, setStatus] = useState<AppointmentStatus>("CONFIRMED");
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const start = draft.start ?? null;
    setServiceId(draft.serviceId ?? "");
    setResourceId(draft.resourceId ?? "");
    setCustomer({ id: draft.customerId ?? null, name: draft.customerName ?? null });
    setDate(start ? zonedDate(start, tz) : zonedDate(Date.now(), tz));
    setTime(start ? fmtTimeOfDay(zonedMinutes(start, tz)) : "");
    setDuration(draft.durationMinutes ?? 30);
    setStatus(draft.status ?? "CONFIRMED");
    setNotes(draft.notes ?? "");
    setErrors({});
    setFormError(null);
  }, [open, draft, tz]);

  const service = services.find((s) => s.id === serviceId);
  const eligible = useMemo(() => eligibleResources(service, resources), [service, resources]);
  const avail = useQuery({
    queryKey: ["availability", serviceId, date, resourceId, tz],
    queryFn: () => appointmentsApi.availability({ service_id: serviceId, date, resource_id: resourceId || undefined, timezone: tz }),
    enabled: open && !!serviceId && /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  const slots = avail.data?.availableSlots ?? [];
  const original = draft.start ? fmtTimeOfDay(zonedMinutes(draft.start, tz)) : null;
  const shownSlots = original && draft.id && date === zonedDate(draft.start!, tz) && !slots.includes(original) ? [...slots, original].sort() : slots;

  const save = useMutation({
    mutationFn: async () => {
      const start = zonedInstant(date, parseTime(time), tz);
      const body = { customerId: customer.id ?? undefined, serviceId, resourceId, startTime: toIso(start), durationMinutes: duration, status, notes };
      return draft.id ? appointmentsApi.update(draft.id, body) : appointmentsApi.create(body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["appointments"] });
      toast(draft.id ? "Appointment updated." : "Appointment booked.");
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        setErrors(e.fieldErrors);
        setFormError(e.status === 409 ? `That time isn't free: ${e.message}` : e.message);
      } else setFormError(errorMessage(e));
    },
  });
  const cancel = useMutation({
    mutationFn: () => appointmentsApi.update(draft.id!, { status: "CANCELLED" }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ["appointments"] }); toast("Appointment cancelled."); onClose(); },
    onError: (e) => setFormError(errorMessage(e)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validateAppointment({ serviceId, resourceId, date, time, durationMinutes: duration });
    setErrors(v);
    setFormError(null);
    if (isEmpty(v)) save.mutate();
  };
  const endLabel = time ? formatClock(fmtTimeOfDay((parseTime(time) + duration) % 1440)) : "";

  return (
    <Dialog open={open} onClose={onClose} size="lg" title={draft.id ? "Edit appointment" : "New appointment"}
      description={`Times are in the business's time zone (${tz}).`}
      footer={<>
        {draft.id && draft.status !== "CANCELLED" && (
          <button type="button" className="btn-ghost mr-auto text-red-600 dark:text-red-400" onClick={() => cancel.mutate()} disabled={cancel.isPending}>Cancel appointment</button>
        )}
        <button type="button" className="btn-secondary" onClick={onClose}>Close</button>
        <button type="submit" form="appt-form" className="btn-primary" disabled={save.isPending}>{save.isPending ? "Saving…" : draft.id ? "Save changes" : "Book appointment"}</button>
      </>}>
      <form id="appt-form" onSubmit={submit} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <CustomerPicker value={customer.id} name={customer.name} error={errors.customerId}
          onChange={(c) => setCustomer({ id: c?.id ?? null, name: c?.name ?? null })} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Service" value={serviceId} error={errors.serviceId}
            onChange={(e) => { const s = services.find((x) => x.id === e.target.value); setServiceId(e.target.value); if (s) setDuration(s.durationMinutes); }}>
            <option value="">Choose a service…</option>
            {services.map((s) => <option key={s.id} value={s.id}>{s.name} · {s.durationMinutes} min</option>)}
          </SelectField>
          <SelectField label="With" value={resourceId} error={errors.resourceId} onChange={(e) => setResourceId(e.target.value)}>
            <option value="">Choose…</option>
            {eligible.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            {resourceId && !eligible.some((r) => r.id === resourceId) && <option value={resourceId}>{resources.find((r) => r.id === resourceId)?.name ?? "Current resource"}</option>}
          </SelectField>
          <TextField label="Date" type="date" value={date} error={errors.date} onChange={(e) => setDate(e.target.value)} />
          <TextField label="Duration (minutes)" type="number" min={5} step={5} value={duration} error={errors.durationMinutes}
            onChange={(e) => setDuration(Number(e.target.value))} />
        </div>
        <fieldset>
          <legend className="label">Time {time && <span className="font-normal text-muted">· {formatClock(time)}–{endLabel}</span>}</legend>
          {!serviceId ? <p className="text-sm text-muted">Choose a service to see free times.</p>
            : avail.isLoading ? <div className="flex flex-wrap gap-2">{Array.from({ length: 8 }, (_, i) => <Skeleton key={i} className="h-8 w-16" />)}</div>
            : avail.isError ? <Alert tone="warning">{errorMessage(avail.error)} You can still type a time below.</Alert>
            : !shownSlots.length ? <p className="text-sm text-muted">No free times on this day{resourceId ? " for this resource" : ""}. Try another day or type a time below.</p>
            : (
              <div role="radiogroup" aria-label="Free times" className="flex max-h-40 flex-wrap gap-2 overflow-y-auto">
                {shownSlots.map((s) => (
                  <button key={s} type="button" role="radio" aria-checked={time === s} onClick={() => setTime(s)}
                    className={cx("rounded-lg border px-2.5 py-1.5 text-sm tabular-nums", time === s ? "border-brand bg-brand text-brand-fg" : "border-line hover:border-brand")}>
                    {formatClock(s)}
                  </button>
                ))}
              </div>
            )}
          <div className="mt-3 max-w-40">
            <TextField label="Or another time" type="time" step={900} value={time} error={errors.time} onChange={(e) => setTime(e.target.value)}
              hint="Outside free times the server checks for clashes." />
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as AppointmentStatus)}>
            {APPOINTMENT_STATUSES.map((s) => <option key={s} value={s}>{statusStyle[s].label}</option>)}
          </SelectField>
        </div>
        <TextArea label="Notes" value={notes} onChange={(e) => setNotes(e.target.value)} placeholder="Visible to staff only" />
      </form>
    </Dialog>
  );
}

export const endOf = (start: number, minutes: number) => start + minutes * MINUTE;
