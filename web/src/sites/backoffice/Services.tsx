import { useEffect, useState } from "react";
import { z } from "zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { servicesApi } from "../../api/business";
import type { Service, ServiceInput } from "../../api/types";
import { formatDuration } from "../../lib/time";
import { required } from "../../lib/validation";
import { useResources, useServices } from "../../scheduler/data";
import { ConfirmDialog, Dialog } from "../../ui/Dialog";
import { Checkbox, TextArea, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Table } from "../../ui/Table";
import { applyServerError, FormAlert, useAppForm } from "../../ui/form";
import { useToast } from "../../ui/Toast";
import { formatMoney } from "../booking/policy";

const blank: Partial<Service> = { name: "", description: "", durationMinutes: 30, price: "0.00", currency: "USD", bufferBeforeMinutes: 0, bufferAfterMinutes: 0, resourceIds: [] };

export default function Services() {
  const list = useServices();
  const resources = useResources();
  const [edit, setEdit] = useState<Partial<Service> | null>(null);
  const rname = new Map((resources.data ?? []).map((r) => [r.id, r.name]));
  return (
    <div>
      <PageHeader title="Services" description="What customers can book, how long it takes and what it costs."
        actions={<button type="button" className="btn-primary" onClick={() => setEdit(blank)}><Icon name="plus" /> Add service</button>} />
      <Card>
        <Table caption="Services" rows={list.data} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()} onRowClick={setEdit}
          empty={{ icon: "tag", title: "No services yet", body: "Add the first thing customers can book.", action: <button type="button" className="btn-primary" onClick={() => setEdit(blank)}>Add service</button> }}
          columns={[
            { key: "name", header: "Service", cell: (s) => s.name },
            { key: "dur", header: "Duration", cell: (s) => formatDuration(s.durationMinutes) },
            { key: "price", header: "Price", cell: (s) => formatMoney(s.price, s.currency) },
            { key: "buf", header: "Buffers", cell: (s) => (s.bufferBeforeMinutes || s.bufferAfterMinutes ? `${s.bufferBeforeMinutes} / ${s.bufferAfterMinutes} min` : "—"), hideOnMobile: true },
            { key: "who", header: "Performed by", cell: (s) => (s.resourceIds?.length ? s.resourceIds.map((id) => rname.get(id) ?? "?").join(", ") : "Any staff"), hideOnMobile: true },
          ]} />
      </Card>
      <ServiceDialog value={edit} onClose={() => setEdit(null)} />
    </div>
  );
}

const serviceSchema = z.object({
  id: z.string().optional(),
  name: required("Enter a name."),
  description: z.string(),
  durationMinutes: z.number().refine((v) => v >= 5, "At least 5 minutes."),
  price: z.string().regex(/^\d+(\.\d{1,2})?$/, "Enter a price like 45 or 45.50."),
  currency: z.string().regex(/^[A-Z]{3}$/, "Three-letter code, e.g. USD."),
  bufferBeforeMinutes: z.number(),
  bufferAfterMinutes: z.number(),
  resourceIds: z.array(z.string()),
  isActive: z.boolean(),
});
type ServiceForm = z.input<typeof serviceSchema>;

const formOf = (s: Partial<Service>): ServiceForm => ({
  ...(s.id ? { id: s.id } : {}), name: s.name ?? "", description: s.description ?? "", durationMinutes: s.durationMinutes ?? 30,
  price: String(s.price ?? ""), currency: s.currency ?? "USD", bufferBeforeMinutes: s.bufferBeforeMinutes ?? 0, bufferAfterMinutes: s.bufferAfterMinutes ?? 0,
  resourceIds: s.resourceIds ?? [], isActive: s.isActive ?? true,
});
/** Number inputs hold what Number() makes of the text, as the form always sent. */
const asNumber = { setValueAs: (v: unknown) => Number(v) };

function ServiceDialog({ value, onClose }: { value: Partial<Service> | null; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const resources = useResources();
  const form = useAppForm<ServiceForm, z.output<typeof serviceSchema>>(formOf(blank), serviceSchema);
  const { errors } = form.formState;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { reset } = form;
  useEffect(() => { if (value) reset(formOf(value)); }, [value, reset]);
  const id = form.watch("id");
  const done = (m: string) => { toast(m); void qc.invalidateQueries({ queryKey: ["services"] }); onClose(); };
  const fail = (e: unknown) => applyServerError(form, e);
  const save = useMutation({
    mutationFn: ({ id, ...body }: ServiceInput & { id?: string }) => (id ? servicesApi.update(id, body) : servicesApi.create(body)),
    onSuccess: (_, v) => done(v.id ? "Service saved." : "Service added."), onError: fail,
  });
  const del = useMutation({ mutationFn: () => servicesApi.remove(id!), onSuccess: () => { setConfirmDelete(false); done("Service deleted."); }, onError: (e) => { setConfirmDelete(false); fail(e); } });
  const submit = form.handleSubmit((v) => save.mutate(v));
  const currency = form.register("currency");
  const ids = new Set(form.watch("resourceIds"));
  return (
    <Dialog open={!!value} onClose={onClose} size="lg" title={id ? "Edit service" : "Add service"}
      footer={<>
        {id && <button type="button" className="btn-ghost mr-auto text-red-600 dark:text-red-400" onClick={() => setConfirmDelete(true)}>Delete</button>}
        <button type="button" className="btn-secondary" onClick={onClose}>Cancel</button>
        <button type="submit" form="svc-form" className="btn-primary" disabled={save.isPending}>Save</button>
      </>}>
      <form id="svc-form" onSubmit={submit} noValidate className="space-y-4">
        <FormAlert errors={errors} />
        <TextField label="Name" {...form.register("name")} error={errors.name?.message} autoFocus />
        <TextArea label="Description" {...form.register("description")} hint="Shown on your booking page." />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="Duration (min)" type="number" min={5} step={5} {...form.register("durationMinutes", asNumber)} error={errors.durationMinutes?.message} />
          <TextField label="Price" inputMode="decimal" {...form.register("price")} error={errors.price?.message} />
          <TextField label="Currency" maxLength={3} {...currency} error={errors.currency?.message}
            onChange={(e) => { e.target.value = e.target.value.toUpperCase(); return currency.onChange(e); }} />
          <TextField label="Buffer before (min)" type="number" min={0} step={5} {...form.register("bufferBeforeMinutes", asNumber)} />
          <TextField label="Buffer after (min)" type="number" min={0} step={5} {...form.register("bufferAfterMinutes", asNumber)} />
        </div>
        <fieldset>
          <legend className="label">Performed by</legend>
          <p className="mb-2 text-xs text-muted">Leave all unchecked to let any active staff member perform it.</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {(resources.data ?? []).map((r) => (
              <Checkbox key={r.id} label={r.name} checked={ids.has(r.id)} onChange={() => { const n = new Set(ids); n.has(r.id) ? n.delete(r.id) : n.add(r.id); form.setValue("resourceIds", [...n]); }} />
            ))}
          </div>
        </fieldset>
      </form>
      <ConfirmDialog open={confirmDelete} onClose={() => setConfirmDelete(false)} onConfirm={() => del.mutate()} danger busy={del.isPending} title={`Delete ${form.getValues("name")}?`} confirmLabel="Delete service">
        Existing appointments stay; customers can no longer book it.
      </ConfirmDialog>
    </Dialog>
  );
}
