import { useEffect, useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { blockersApi } from "../api/business";
import { ApiError, errorMessage } from "../api/client";
import type { Resource } from "../api/types";
import { fmtTimeOfDay, parseTime, toIso, zonedDate, zonedInstant, zonedMinutes } from "../lib/time";
import { isEmpty, validateBlocker } from "../lib/validation";
import { Dialog } from "../ui/Dialog";
import { Alert } from "../ui/feedback";
import { SelectField, TextField } from "../ui/Field";
import { useToast } from "../ui/Toast";

export interface BlockerDraft { id?: string; resourceId?: string; start?: number; durationMinutes?: number; title?: string }

export function BlockerDialog({ open, onClose, draft, resources, tz }: { open: boolean; onClose: () => void; draft: BlockerDraft; resources: Resource[]; tz: string }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [resourceId, setResourceId] = useState("");
  const [date, setDate] = useState("");
  const [time, setTime] = useState("");
  const [duration, setDuration] = useState(60);
  const [title, setTitle] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    const s = draft.start ?? Date.now();
    setResourceId(draft.resourceId ?? resources[0]?.id ?? "");
    setDate(zonedDate(s, tz));
    setTime(draft.start ? fmtTimeOfDay(zonedMinutes(s, tz)) : "12:00");
    setDuration(draft.durationMinutes ?? 60);
    setTitle(draft.title ?? "");
    setErrors({});
    setFormError(null);
  }, [open, draft, resources, tz]);
  const done = (msg: string) => { void qc.invalidateQueries({ queryKey: ["blockers"] }); toast(msg); onClose(); };
  const fail = (e: unknown) => { if (e instanceof ApiError) { setErrors(e.fieldErrors); } setFormError(errorMessage(e)); };
  const save = useMutation({
    mutationFn: () => {
      const body = { resourceId, startTime: toIso(zonedInstant(date, parseTime(time), tz)), durationMinutes: duration, title: title.trim() };
      return draft.id ? blockersApi.update(draft.id, body) : blockersApi.create(body);
    },
    onSuccess: () => done(draft.id ? "Block updated." : "Time blocked."),
    onError: fail,
  });
  const remove = useMutation({ mutationFn: () => blockersApi.remove(draft.id!), onSuccess: () => done("Block removed."), onError: fail });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validateBlocker({ resourceId, date, time, durationMinutes: duration, title });
    setErrors(v);
    if (isEmpty(v)) save.mutate();
  };
  return (
    <Dialog open={open} onClose={onClose} title={draft.id ? "Blocked time" : "Block time"} description="Blocked time can't be booked (breaks, holidays, maintenance)." size="sm"
      footer={<>
        {draft.id && <button type="button" className="btn-ghost mr-auto text-red-600 dark:text-red-400" onClick={() => remove.mutate()} disabled={remove.isPending}>Remove</button>}
        <button type="button" className="btn-secondary" onClick={onClose}>Close</button>
        <button type="submit" form="blocker-form" className="btn-primary" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save"}</button>
      </>}>
      <form id="blocker-form" onSubmit={submit} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Title" value={title} error={errors.title} placeholder="Lunch" onChange={(e) => setTitle(e.target.value)} />
        <SelectField label="Resource" value={resourceId} error={errors.resourceId} onChange={(e) => setResourceId(e.target.value)}>
          {resources.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </SelectField>
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Date" type="date" value={date} error={errors.date} onChange={(e) => setDate(e.target.value)} />
          <TextField label="Start" type="time" step={900} value={time} error={errors.time} onChange={(e) => setTime(e.target.value)} />
        </div>
        <TextField label="Duration (minutes)" type="number" min={5} step={15} value={duration} error={errors.durationMinutes} onChange={(e) => setDuration(Number(e.target.value))} />
      </form>
    </Dialog>
  );
}
