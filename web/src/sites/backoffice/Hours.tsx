import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { hoursApi, overridesApi } from "../../api/business";
import { errorMessage, resultsOf } from "../../api/client";
import type { BusinessHoursRow, HoursOverride } from "../../api/types";
import { formatDay } from "../../lib/time";
import { validateHours } from "../../lib/validation";
import { useHours } from "../../scheduler/data";
import { EmptyState, ErrorState, SkeletonRows } from "../../ui/feedback";
import { Checkbox, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { FormAlert, SERVER, useAppForm } from "../../ui/form";
import { useToast } from "../../ui/Toast";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export default function Hours() {
  const qc = useQueryClient();
  const toast = useToast();
  const hours = useHours();
  const [rows, setRows] = useState<BusinessHoursRow[]>([]);
  useEffect(() => { if (hours.data) setRows(hours.data); }, [hours.data]);
  const errors = validateHours(rows);
  const save = useMutation({
    mutationFn: () => hoursApi.put([...rows].sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.openTime.localeCompare(b.openTime))),
    onSuccess: () => { toast("Opening hours saved."); void qc.invalidateQueries({ queryKey: ["business-hours"] }); },
    onError: (e) => toast(errorMessage(e), "error"),
  });
  const update = (i: number, p: Partial<BusinessHoursRow>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <div className="space-y-6">
      <PageHeader title="Business hours" description="When customers can book. Add a second shift for a lunch break." />
      <Card title="Weekly hours" actions={<button type="button" className="btn-primary py-1.5" disabled={save.isPending || Object.keys(errors).length > 0} onClick={() => save.mutate()}>Save hours</button>}>
        {hours.isLoading ? <SkeletonRows rows={7} /> : hours.isError ? <ErrorState error={hours.error} onRetry={() => hours.refetch()} /> : (
          <ul className="divide-y divide-line">
            {DAYS.map((name, d) => {
              const idx = rows.map((r, i) => [r, i] as const).filter(([r]) => r.dayOfWeek === d);
              return (
                <li key={d} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start">
                  <div className="flex w-40 items-center gap-2 pt-1.5">
                    <input type="checkbox" id={`open-${d}`} className="h-4 w-4 accent-[var(--ss-brand)]" checked={idx.length > 0}
                      onChange={(e) => setRows((r) => (e.target.checked ? [...r, { dayOfWeek: d, openTime: "09:00", closeTime: "17:00" }] : r.filter((x) => x.dayOfWeek !== d)))} />
                    <label htmlFor={`open-${d}`} className="text-sm font-medium">{name}</label>
                  </div>
                  <div className="flex-1 space-y-2">
                    {!idx.length && <p className="pt-1.5 text-sm text-muted">Closed</p>}
                    {idx.map(([r, i], k) => (
                      <div key={i} className="flex items-center gap-2">
                        <input type="time" aria-label={`${name} shift ${k + 1} opens`} className="input w-32" value={r.openTime} step={900} onChange={(e) => update(i, { openTime: e.target.value })} />
                        <span className="text-muted">–</span>
                        <input type="time" aria-label={`${name} shift ${k + 1} closes`} className="input w-32" value={r.closeTime} step={900} onChange={(e) => update(i, { closeTime: e.target.value })} />
                        {k > 0 ? <button type="button" className="btn-ghost p-2" aria-label={`Remove ${name} shift ${k + 1}`} onClick={() => setRows((x) => x.filter((_, j) => j !== i))}><Icon name="x" /></button>
                          : <button type="button" className="btn-ghost p-2" aria-label={`Add a shift on ${name}`} onClick={() => setRows((x) => [...x, { dayOfWeek: d, openTime: "13:00", closeTime: "17:00" }])}><Icon name="plus" /></button>}
                      </div>
                    ))}
                    {errors[d] && <p className="text-sm text-red-600 dark:text-red-400" role="alert">{errors[d]}</p>}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Overrides />
    </div>
  );
}

function Overrides() {
  const qc = useQueryClient();
  const toast = useToast();
  const list = useQuery({ queryKey: ["hours-overrides"], queryFn: () => overridesApi.list(), select: resultsOf<HoursOverride>, retry: false });
  const form = useAppForm({ date: "", closed: true, openTime: "10:00", closeTime: "14:00", reason: "" });
  const closed = form.watch("closed");
  const add = useMutation({
    mutationFn: (f: { date: string; closed: boolean; openTime: string; closeTime: string; reason: string }) =>
      overridesApi.create({ date: f.date, closed: f.closed, openTime: f.closed ? null : f.openTime, closeTime: f.closed ? null : f.closeTime, reason: f.reason }),
    onSuccess: () => { toast("Special day added."); form.reset({ ...form.getValues(), date: "", reason: "" }); void qc.invalidateQueries({ queryKey: ["hours-overrides"] }); },
    // Every failure shows in the one alert below the row.
    onError: (e) => form.setError(SERVER, { type: "server", message: errorMessage(e) }),
  });
  const submit = form.handleSubmit((v) => {
    if (!v.date) { form.setError(SERVER, { type: "client", message: "Choose a date." }); return; }
    add.mutate(v);
  });
  const del = useMutation({ mutationFn: (id: string) => overridesApi.remove(id), onSuccess: () => void qc.invalidateQueries({ queryKey: ["hours-overrides"] }) });
  return (
    <Card title="Holidays & special hours">
      <form className="grid items-end gap-3 border-b border-line p-4 sm:grid-cols-[10rem_auto_1fr_auto]" noValidate
        onSubmit={submit}>
        <TextField label="Date" type="date" {...form.register("date")} />
        <div className="pb-2"><Checkbox label="Closed all day" {...form.register("closed")} /></div>
        {closed ? <TextField label="Reason" {...form.register("reason")} placeholder="Public holiday" /> : (
          <div className="flex items-end gap-2">
            <TextField label="Opens" type="time" {...form.register("openTime")} />
            <TextField label="Closes" type="time" {...form.register("closeTime")} />
          </div>
        )}
        <button type="submit" className="btn-secondary" disabled={add.isPending}>Add</button>
        <FormAlert errors={form.formState.errors} className="sm:col-span-4" />
      </form>
      {list.isLoading ? <SkeletonRows rows={2} /> : list.isError ? <p className="p-4 text-sm text-muted">Special days aren't available yet.</p>
        : !list.data?.length ? <EmptyState icon="calendar" title="No special days">Add holidays or one-off hours above.</EmptyState> : (
          <ul className="divide-y divide-line">
            {list.data.map((o) => (
              <li key={o.id} className="flex items-center gap-3 px-4 py-2.5 text-sm">
                <span className="w-44 font-medium">{formatDay(o.date, { weekday: "short", month: "short", day: "numeric", year: "numeric" })}</span>
                <span className="flex-1 text-muted">{o.closed ? "Closed" : `${o.openTime}–${o.closeTime}`}{o.reason ? ` · ${o.reason}` : ""}</span>
                <button type="button" className="btn-ghost p-2" aria-label={`Remove ${o.date}`} onClick={() => o.id && del.mutate(o.id)}><Icon name="trash" /></button>
              </li>
            ))}
          </ul>
        )}
    </Card>
  );
}
