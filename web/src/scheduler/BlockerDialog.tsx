import { useEffect } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Controller } from "react-hook-form";
import { blockersApi } from "../api/business";
import type { Resource } from "../api/types";
import { fmtTimeOfDay, parseTime, toIso, zonedDate, zonedInstant, zonedMinutes } from "../lib/time";
import { fromErrors, validateBlocker } from "../lib/validation";
import { Dialog } from "../ui/Dialog";
import { SelectField, TextField } from "../ui/Field";
import { applyServerError, FormAlert, useAppForm } from "../ui/form";
import { useToast } from "../ui/Toast";

export interface BlockerDraft { id?: string; resourceId?: string; start?: number; durationMinutes?: number; title?: string }

interface BlockerForm { resourceId: string; date: string; time: string; durationMinutes: number; title: string }

const blockerSchema = fromErrors<BlockerForm>(validateBlocker);

const formOf = (draft: BlockerDraft, resources: Resource[], tz: string): BlockerForm => {
  const s = draft.start ?? Date.now();
  return {
    resourceId: draft.resourceId ?? resources[0]?.id ?? "", date: zonedDate(s, tz), time: draft.start ? fmtTimeOfDay(zonedMinutes(s, tz)) : "12:00",
    durationMinutes: draft.durationMinutes ?? 60, title: draft.title ?? "",
  };
};

export function BlockerDialog({ open, onClose, draft, resources, tz }: { open: boolean; onClose: () => void; draft: BlockerDraft; resources: Resource[]; tz: string }) {
  const qc = useQueryClient();
  const toast = useToast();
  const form = useAppForm(formOf(draft, resources, tz), blockerSchema);
  const { errors } = form.formState;
  const { reset } = form;
  useEffect(() => { if (open) reset(formOf(draft, resources, tz)); }, [open, draft, resources, tz, reset]);
  const done = (msg: string) => { void qc.invalidateQueries({ queryKey: ["blockers"] }); toast(msg); onClose(); };
  const fail = (e: unknown) => applyServerError(form, e);
  const save = useMutation({
    mutationFn: (f: BlockerForm) => {
      const body = { resourceId: f.resourceId, startTime: toIso(zonedInstant(f.date, parseTime(f.time), tz)), durationMinutes: f.durationMinutes, title: f.title.trim() };
      return draft.id ? blockersApi.update(draft.id, body) : blockersApi.create(body);
    },
    onSuccess: () => done(draft.id ? "Block updated." : "Time blocked."),
    onError: fail,
  });
  const remove = useMutation({ mutationFn: () => blockersApi.remove(draft.id!), onSuccess: () => done("Block removed."), onError: fail });
  const submit = form.handleSubmit((v) => save.mutate(v));
  return (
    <Dialog open={open} onClose={onClose} title={draft.id ? "Blocked time" : "Block time"} description="Blocked time can't be booked (breaks, holidays, maintenance)." size="sm"
      footer={<>
        {draft.id && <button type="button" className="btn-ghost mr-auto text-red-600 dark:text-red-400" onClick={() => remove.mutate()} disabled={remove.isPending}>Remove</button>}
        <button type="button" className="btn-secondary" onClick={onClose}>Close</button>
        <button type="submit" form="blocker-form" className="btn-primary" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save"}</button>
      </>}>
      <form id="blocker-form" onSubmit={submit} noValidate className="space-y-4">
        <FormAlert errors={errors} />
        <TextField label="Title" {...form.register("title")} error={errors.title?.message} placeholder="Lunch" />
        <Controller control={form.control} name="resourceId" render={({ field }) => (
          <SelectField label="Resource" {...field} error={errors.resourceId?.message}>
            {resources.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </SelectField>
        )} />
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Date" type="date" {...form.register("date")} error={errors.date?.message} />
          <TextField label="Start" type="time" step={900} {...form.register("time")} error={errors.time?.message} />
        </div>
        <TextField label="Duration (minutes)" type="number" min={5} step={15} {...form.register("durationMinutes", { setValueAs: (v) => Number(v) })} error={errors.durationMinutes?.message} />
      </form>
    </Dialog>
  );
}
