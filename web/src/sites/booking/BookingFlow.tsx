import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { useSearchParams, Link } from "react-router";
import { bookingApi, type BookingResource } from "../../api/booking";
import { ApiError, resultsOf } from "../../api/client";
import type { Appointment, Me, Service } from "../../api/types";
import { useConfig } from "../../app/config-context";
import { browserTimeZone, formatClock, formatDateLong, formatDay, formatDuration, formatTime, parseTime, toIso, zonedInstant } from "../../lib/time";
import { bookingDetailsSchema } from "../../lib/validation";
import { cx } from "../../ui/cx";
import { Alert, EmptyState, ErrorState, Skeleton } from "../../ui/feedback";
import { TextArea, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { applyServerError, useAppForm } from "../../ui/form";
import { formatMoney } from "./policy";
import { SlotPicker } from "./SlotPicker";

const detailsSchema = bookingDetailsSchema.extend({ notes: z.string() });

type Step = "service" | "resource" | "time" | "details" | "done";
const STEPS: { id: Step; label: string }[] = [
  { id: "service", label: "Service" }, { id: "resource", label: "With" }, { id: "time", label: "Time" }, { id: "details", label: "Details" },
];

function Progress({ step }: { step: Step }) {
  const idx = STEPS.findIndex((s) => s.id === step);
  return (
    <ol aria-label="Booking steps" className="mb-6 flex items-center gap-2 text-xs font-medium">
      {STEPS.map((s, i) => (
        <li key={s.id} aria-current={i === idx ? "step" : undefined} className="flex flex-1 flex-col gap-1.5">
          <span className={cx("h-1.5 rounded-full", i <= idx || step === "done" ? "bg-brand" : "bg-line")} />
          <span className={i === idx ? "text-fg" : "text-muted"}>{s.label}</span>
        </li>
      ))}
    </ol>
  );
}

export function BookingFlow({ me }: { me: Me | null }) {
  const cfg = useConfig();
  const tenant = cfg.tenant!;
  const [params, setParams] = useSearchParams();
  const qc = useQueryClient();
  const step = (params.get("step") as Step) || "service";
  const serviceId = params.get("service") ?? "";
  const resourceId = params.get("resource") ?? "";
  const date = params.get("date") ?? "";
  const time = params.get("time") ?? "";
  const [tz, setTz] = useState(browserTimeZone);
  const go = (next: Partial<Record<"step" | "service" | "resource" | "date" | "time", string>>, replace = false) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    setParams(p, { replace });
  };
  const heading = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  // Move focus to the new step's heading (for screen readers), not on first load.
  useEffect(() => {
    if (firstStep.current) { firstStep.current = false; return; }
    heading.current?.focus();
  }, [step]);

  const services = useQuery({ queryKey: ["booking-services"], queryFn: bookingApi.services, select: (v) => resultsOf<Service>(v) });
  const service = services.data?.find((s) => s.id === serviceId);
  const resources = useQuery({
    queryKey: ["booking-resources", serviceId], queryFn: () => bookingApi.resources(serviceId), enabled: !!serviceId,
    select: (v) => resultsOf<BookingResource>(v), retry: false,
  });
  const resourceName = resourceId ? resources.data?.find((r) => r.id === resourceId)?.name : null;

  const asCustomer = me?.role === "CUSTOMER";
  const form = useAppForm({ name: me?.name ?? "", email: me?.email ?? "", phone: "", notes: "" }, asCustomer ? undefined : detailsSchema);
  const { errors, isSubmitting: busy } = form.formState;
  // A slot taken meanwhile sends the customer back to the times with this message.
  const [taken, setTaken] = useState<string | null>(null);
  const formError = errors.root?.server?.message ?? taken;
  const [booked, setBooked] = useState<Appointment | null>(null);
  const idem = useRef<string>("");
  const startMs = useMemo(() => (date && time ? zonedInstant(date, parseTime(time), tz) : null), [date, time, tz]);

  const submit = form.handleSubmit(async (details) => {
    if (!startMs) return;
    if (!idem.current) idem.current = crypto.randomUUID();
    try {
      const body = {
        serviceId, startTime: toIso(startMs), ...(resourceId ? { resourceId } : {}),
        ...(asCustomer ? {} : { customer: { name: details.name.trim(), email: details.email.trim(), phone: details.phone.trim() } }),
        ...(details.notes.trim() ? { notes: details.notes.trim() } : {}),
      };
      setBooked(await bookingApi.book(body, idem.current));
      idem.current = "";
      void qc.invalidateQueries({ queryKey: ["booking-availability"] });
      go({ step: "done" });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        idem.current = "";
        void qc.invalidateQueries({ queryKey: ["booking-availability"] });
        go({ step: "time", time: "" });
        setTimeout(() => setTaken("Sorry — that time was just taken. Please pick another."), 0);
      } else applyServerError(form, err, { rename: { "customer.name": "name", "customer.email": "email", "customer.phone": "phone" } });
    }
  });
  const book = (e: FormEvent) => { setTaken(null); return submit(e); };

  const summary = service && (
    <div className="card mb-6 flex flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3 text-sm">
      <span className="font-semibold">{service.name}</span>
      {step !== "resource" && step !== "service" && <span className="text-muted">{resourceName ?? "Any available"}</span>}
      {startMs && step === "details" && <span className="text-muted">{formatDateLong(startMs, tz)}, {formatTime(startMs, tz)}</span>}
    </div>
  );

  if (step === "done" && booked) {
    const s = booked.startTime ? Date.parse(booked.startTime) : startMs!;
    return (
      <section aria-labelledby="done-h" className="card p-6 text-center sm:p-10">
        <div className="mx-auto mb-4 grid h-14 w-14 place-items-center rounded-full bg-emerald-100 text-emerald-600 dark:bg-emerald-950"><Icon name="check" className="h-7 w-7" /></div>
        <h1 id="done-h" ref={heading} tabIndex={-1} className="outline-none text-2xl font-semibold">{booked.status === "PENDING" ? "Request sent" : "You're booked!"}</h1>
        <p className="mt-2 text-muted">
          {service?.name ?? "Your appointment"} on <strong className="text-fg">{formatDateLong(s, tz)}</strong> at <strong className="text-fg">{formatTime(s, tz)}</strong>
          {resourceName ? <> with {resourceName}</> : null}.
        </p>
        {booked.status === "PENDING" && <p className="mt-1 text-sm text-muted">{tenant.name} will confirm it shortly.</p>}
        <p className="mt-1 text-sm text-muted">A confirmation is on its way to {me?.email ?? form.getValues("email")}.</p>
        {!me && (
          <p className="mx-auto mt-5 max-w-sm rounded-lg bg-surface-2 px-4 py-3 text-sm text-muted">
            <Link to={`/signup?email=${encodeURIComponent(form.getValues("email"))}`} className="font-medium text-brand hover:underline">Create an account</Link> to see this and your future bookings in one place.
          </p>
        )}
        <div className="mt-6 flex flex-wrap justify-center gap-2">
          {me ? <Link to="/portal" className="btn-secondary">My appointments</Link> : null}
          <button type="button" className="btn-primary" onClick={() => { setBooked(null); setParams(new URLSearchParams()); }}>Book another</button>
        </div>
      </section>
    );
  }

  return (
    <div>
      <Progress step={step === "done" ? "details" : step} />
      {step === "service" && (
        <section aria-labelledby="svc-h">
          <h1 id="svc-h" ref={heading} tabIndex={-1} className="outline-none text-2xl font-semibold tracking-tight outline-none">Book with {tenant.name}</h1>
          <p className="mt-1 text-muted">Choose a service to see available times.</p>
          <div className="mt-6">
            {services.isLoading ? <div className="space-y-3" role="status" aria-label="Loading services">{[0, 1, 2].map((i) => <Skeleton key={i} className="h-20" />)}</div>
              : services.isError ? <ErrorState error={services.error} onRetry={() => services.refetch()} />
              : !services.data?.length ? <EmptyState icon="calendar" title="No services to book yet">{tenant.name} hasn't published any services online. Please check back soon.</EmptyState>
              : (
                <ul className="space-y-3">
                  {services.data.filter((s) => s.isActive !== false).map((s) => (
                    <li key={s.id}>
                      <button type="button" onClick={() => go({ step: "resource", service: s.id, resource: "", date: "", time: "" })}
                        className="card flex w-full items-center gap-4 p-4 text-left transition hover:border-brand hover:shadow-md">
                        <div className="min-w-0 flex-1">
                          <p className="font-semibold">{s.name}</p>
                          {s.description && <p className="mt-0.5 line-clamp-2 text-sm text-muted">{s.description}</p>}
                          <p className="mt-1 text-sm text-muted">{formatDuration(s.durationMinutes)}</p>
                        </div>
                        <span className="shrink-0 font-semibold">{Number(s.price) > 0 ? formatMoney(s.price, s.currency) : "Free"}</span>
                        <Icon name="chevronRight" className="h-5 w-5 shrink-0 text-muted" />
                      </button>
                    </li>
                  ))}
                </ul>
              )}
          </div>
        </section>
      )}
      {step === "resource" && (
        <section aria-labelledby="res-h">
          {summary}
          <h1 id="res-h" ref={heading} tabIndex={-1} className="outline-none text-xl font-semibold">Who would you like?</h1>
          <div className="mt-4 grid gap-3 sm:grid-cols-2">
            <button type="button" onClick={() => go({ step: "time", resource: "" })}
              className={cx("card flex items-center gap-3 p-4 text-left hover:border-brand", !resourceId && "border-brand")}>
              <span className="grid h-10 w-10 place-items-center rounded-full bg-brand/10 text-brand"><Icon name="users" /></span>
              <span><span className="block font-semibold">Anyone available</span><span className="text-sm text-muted">Most times to choose from</span></span>
            </button>
            {resources.isLoading ? <Skeleton className="h-[74px]" /> : (resources.data ?? []).map((r) => (
              <button key={r.id} type="button" onClick={() => go({ step: "time", resource: r.id })}
                className={cx("card flex items-center gap-3 p-4 text-left hover:border-brand", resourceId === r.id && "border-brand")}>
                <span aria-hidden="true" className="grid h-10 w-10 place-items-center rounded-full bg-surface-2 font-semibold">{r.name.slice(0, 1)}</span>
                <span className="font-semibold">{r.name}</span>
              </button>
            ))}
          </div>
          <button type="button" className="btn-ghost mt-6" onClick={() => go({ step: "service" })}><Icon name="chevronLeft" /> Back</button>
        </section>
      )}
      {step === "time" && service && (
        <section aria-labelledby="time-h">
          {summary}
          <h1 id="time-h" ref={heading} tabIndex={-1} className="outline-none text-xl font-semibold">Pick a time</h1>
          <p className="mt-1 text-sm text-muted">
            Times are in <strong>{tz.replace(/_/g, " ")}</strong>.{" "}
            {tz !== tenant.timezone && (
              <button type="button" className="font-medium text-brand hover:underline" onClick={() => { setTz(tenant.timezone); go({ time: "" }, true); }}>
                Show in {tenant.name}'s time ({tenant.timezone.replace(/_/g, " ")})
              </button>
            )}
          </p>
          {formError && <Alert className="mt-3">{formError}</Alert>}
          <div className="card mt-4 p-4">
            <SlotPicker serviceId={serviceId} resourceId={resourceId || undefined} tz={tz} date={date} time={time}
              onChange={(d, t) => { setTaken(null); form.clearErrors("root"); go({ date: d, time: t }, true); }} />
          </div>
          <div className="mt-6 flex justify-between">
            <button type="button" className="btn-ghost" onClick={() => go({ step: "resource" })}><Icon name="chevronLeft" /> Back</button>
            <button type="button" className="btn-primary" disabled={!time} onClick={() => go({ step: "details" })}>
              {time ? <>Continue with {formatDay(date, { weekday: "short" })} {formatClock(time)}</> : "Choose a time"} <Icon name="chevronRight" />
            </button>
          </div>
        </section>
      )}
      {step === "details" && service && startMs && (
        <section aria-labelledby="det-h">
          {summary}
          <h1 id="det-h" ref={heading} tabIndex={-1} className="outline-none text-xl font-semibold">{me?.role === "CUSTOMER" ? "Confirm your booking" : "Your details"}</h1>
          <form onSubmit={book} noValidate className="card mt-4 space-y-4 p-4 sm:p-6">
            {formError && <Alert>{formError}</Alert>}
            {me?.role === "CUSTOMER" ? (
              <p className="text-sm text-muted">Booking as <strong className="text-fg">{me.name}</strong> ({me.email}).</p>
            ) : (
              <>
                <TextField label="Full name" autoComplete="name" {...form.register("name")} error={errors.name?.message} />
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField label="Email" type="email" autoComplete="email" inputMode="email" {...form.register("email")} error={errors.email?.message} />
                  <TextField label="Phone (optional)" type="tel" autoComplete="tel" {...form.register("phone")} error={errors.phone?.message} hint="For reminders by text" />
                </div>
              </>
            )}
            <TextArea label="Anything we should know? (optional)" {...form.register("notes")} error={errors.notes?.message} />
            {tenant.cancellationWindowHours > 0 && (
              <p className="text-xs text-muted">
                Free cancellation up to {tenant.cancellationWindowHours} hours before.{tenant.lateCancellationFeePercent > 0 && ` Later cancellations are charged ${tenant.lateCancellationFeePercent}% of the price.`}
              </p>
            )}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
              <button type="button" className="btn-ghost" onClick={() => go({ step: "time" })}><Icon name="chevronLeft" /> Back</button>
              <button type="submit" className="btn-primary py-2.5" disabled={busy}>{busy ? "Booking…" : `Book ${formatTime(startMs, tz)}`}</button>
            </div>
          </form>
        </section>
      )}
      {(step === "time" || step === "details") && !service && !services.isLoading && (
        <Alert>That service isn't available. <button type="button" className="underline" onClick={() => setParams(new URLSearchParams())}>Start again</button></Alert>
      )}
    </div>
  );
}
