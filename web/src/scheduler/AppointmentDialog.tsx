import { useEffect, useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Controller } from "react-hook-form";
import { appointmentsApi, customersApi } from "../api/business";
import { ApiError, errorMessage } from "../api/client";
import { APPOINTMENT_STATUSES, type Appointment, type AppointmentStatus, type Customer, type Resource, type Service } from "../api/types";
import { MINUTE, formatClock, fmtTimeOfDay, parseTime, toIso, zonedDate, zonedInstant, zonedMinutes } from "../lib/time";
import { fromErrors, validateAppointment } from "../lib/validation";
import { cx } from "../ui/cx";
import { Dialog } from "../ui/Dialog";
import { Alert, Skeleton } from "../ui/feedback";
import { SelectField, TextArea, TextField } from "../ui/Field";
import { applyServerError, FormAlert, useAppForm } from "../ui/form";
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

interface AppointmentForm {
  serviceId: string;
  resourceId: string;
  customerId: string | null;
  customerName: string | null;
  date: string;
  time: string;
  durationMinutes: number;
  status: AppointmentStatus;
  notes: string;
}

const appointmentSchema = fromErrors<AppointmentForm>(validateAppointment);

const formOf = (draft: AppointmentDraft, tz: string): AppointmentForm => {
  const start = draft.start ?? null;
  return {
    serviceId: draft.serviceId ?? "", resourceId: draft.resourceId ?? "", customerId: draft.customerId ?? null, customerName: draft.customerName ?? null,
    date: start ? zonedDate(start, tz) : zonedDate(Date.now(), tz), time: start ? fmtTimeOfDay(zonedMinutes(start, tz)) : "",
    durationMinutes: draft.durationMinutes ?? 30, status: draft.status ?? "CONFIRMED", notes: draft.notes ?? "",
  };
};

export function AppointmentDialog({ open, onClose, draft, services, resources, tz }: {
  open: boolean; onClose: () => void; draft: AppointmentDraft; services: Service[]; resources: Resource[]; tz: string;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const form = useAppForm<AppointmentForm>(formOf(draft, tz), appointmentSchema);
  const { errors } = form.formState;
  const { reset } = form;
  useEffect(() => { if (open) reset(formOf(draft, tz)); }, [open, draft, tz, reset]);
  const [serviceId, resourceId, customerId, customerName, date, time, duration] =
    form.watch(["serviceId", "resourceId", "customerId", "customerName", "date", "time", "durationMinutes"]);

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
    mutationFn: async (f: AppointmentForm) => {
      const start = zonedInstant(f.date, parseTime(f.time), tz);
      const body = { customerId: f.customerId ?? undefined, serviceId: f.serviceId, resourceId: f.resourceId, startTime: toIso(start), durationMinutes: f.durationMinutes, status: f.status, notes: f.notes };
      return draft.id ? appointmentsApi.update(draft.id, body) : appointmentsApi.create(body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["appointments"] });
      toast(draft.id ? "Appointment updated." : "Appointment booked.");
      onClose();
    },
    onError: (e) => applyServerError(form, e, {
      rename: { startTime: "time" },
      message: (m) => (e instanceof ApiError && e.status === 409 ? `That time isn't free: ${e.message}` : m),
    }),
  });
  const cancel = useMutation({
    mutationFn: () => appointmentsApi.update(draft.id!, { status: "CANCELLED" }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ["appointments"] }); toast("Appointment cancelled."); onClose(); },
    onError: (e) => applyServerError(form, e),
  });

  const submit = form.handleSubmit((v) => save.mutate(v));
  const setTime = (t: string) => form.setValue("time", t);
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
        <FormAlert errors={errors} />
        <CustomerPicker value={customerId} name={customerName} error={errors.customerId?.message}
          onChange={(c) => { form.setValue("customerId", c?.id ?? null); form.setValue("customerName", c?.name ?? null); }} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Controller control={form.control} name="serviceId" render={({ field }) => (
            <SelectField label="Service" {...field} error={errors.serviceId?.message}
              onChange={(e) => { const s = services.find((x) => x.id === e.target.value); if (s) form.setValue("durationMinutes", s.durationMinutes); field.onChange(e); }}>
              <option value="">Choose a service…</option>
              {services.map((s) => <option key={s.id} value={s.id}>{s.name} · {s.durationMinutes} min</option>)}
            </SelectField>
          )} />
          <Controller control={form.control} name="resourceId" render={({ field }) => (
            <SelectField label="With" {...field} error={errors.resourceId?.message}>
              <option value="">Choose…</option>
              {eligible.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
              {resourceId && !eligible.some((r) => r.id === resourceId) && <option value={resourceId}>{resources.find((r) => r.id === resourceId)?.name ?? "Current resource"}</option>}
            </SelectField>
          )} />
          <TextField label="Date" type="date" {...form.register("date")} error={errors.date?.message} />
          <TextField label="Duration (minutes)" type="number" min={5} step={5} {...form.register("durationMinutes", { setValueAs: (v) => Number(v) })} error={errors.durationMinutes?.message} />
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
            <TextField label="Or another time" type="time" step={900} {...form.register("time")} error={errors.time?.message}
              hint="Outside free times the server checks for clashes." />
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Status" {...form.register("status")}>
            {APPOINTMENT_STATUSES.map((s) => <option key={s} value={s}>{statusStyle[s].label}</option>)}
          </SelectField>
        </div>
        <TextArea label="Notes" {...form.register("notes")} placeholder="Visible to staff only" />
      </form>
    </Dialog>
  );
}

export const endOf = (start: number, minutes: number) => start + minutes * MINUTE;
