import { useEffect, useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { servicesApi } from "../../api/business";
import { ApiError, errorMessage } from "../../api/client";
import type { Service, ServiceInput } from "../../api/types";
import { formatDuration } from "../../lib/time";
import { useResources, useServices } from "../../scheduler/data";
import { ConfirmDialog, Dialog } from "../../ui/Dialog";
import { Alert } from "../../ui/feedback";
import { Checkbox, TextArea, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Table } from "../../ui/Table";
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

function ServiceDialog({ value, onClose }: { value: Partial<Service> | null; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const resources = useResources();
  const [f, setF] = useState<Partial<Service>>(blank);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useEffect(() => { if (value) { setF(value); setErrors({}); setFormError(null); } }, [value]);
  const done = (m: string) => { toast(m); void qc.invalidateQueries({ queryKey: ["services"] }); onClose(); };
  const fail = (e: unknown) => { if (e instanceof ApiError) setErrors(e.fieldErrors); setFormError(errorMessage(e)); };
  const save = useMutation({
    mutationFn: () => {
      const body: ServiceInput = {
        name: f.name?.trim(), description: f.description ?? "", durationMinutes: Number(f.durationMinutes), price: String(f.price ?? "0"),
        currency: f.currency, bufferBeforeMinutes: Number(f.bufferBeforeMinutes ?? 0), bufferAfterMinutes: Number(f.bufferAfterMinutes ?? 0),
        resourceIds: f.resourceIds ?? [], isActive: f.isActive ?? true,
      };
      return f.id ? servicesApi.update(f.id, body) : servicesApi.create(body);
    },
    onSuccess: () => done(f.id ? "Service saved." : "Service added."), onError: fail,
  });
  const del = useMutation({ mutationFn: () => servicesApi.remove(f.id!), onSuccess: () => { setConfirmDelete(false); done("Service deleted."); }, onError: (e) => { setConfirmDelete(false); fail(e); } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v: Record<string, string | undefined> = {};
    if (!f.name?.trim()) v.name = "Enter a name.";
    if (!(Number(f.durationMinutes) >= 5)) v.durationMinutes = "At least 5 minutes.";
    if (!/^\d+(\.\d{1,2})?$/.test(String(f.price ?? ""))) v.price = "Enter a price like 45 or 45.50.";
    if (!/^[A-Z]{3}$/.test(f.currency ?? "")) v.currency = "Three-letter code, e.g. USD.";
    setErrors(v);
    if (!Object.values(v).some(Boolean)) save.mutate();
  };
  const ids = new Set(f.resourceIds ?? []);
  return (
    <Dialog open={!!value} onClose={onClose} size="lg" title={f.id ? "Edit service" : "Add service"}
      footer={<>
        {f.id && <button type="button" className="btn-ghost mr-auto text-red-600 dark:text-red-400" onClick={() => setConfirmDelete(true)}>Delete</button>}
        <button type="button" className="btn-secondary" onClick={onClose}>Cancel</button>
        <button type="submit" form="svc-form" className="btn-primary" disabled={save.isPending}>Save</button>
      </>}>
      <form id="svc-form" onSubmit={submit} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Name" value={f.name ?? ""} error={errors.name} onChange={(e) => setF({ ...f, name: e.target.value })} autoFocus />
        <TextArea label="Description" value={f.description ?? ""} onChange={(e) => setF({ ...f, description: e.target.value })} hint="Shown on your booking page." />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="Duration (min)" type="number" min={5} step={5} value={f.durationMinutes ?? 30} error={errors.durationMinutes} onChange={(e) => setF({ ...f, durationMinutes: Number(e.target.value) })} />
          <TextField label="Price" inputMode="decimal" value={f.price ?? ""} error={errors.price} onChange={(e) => setF({ ...f, price: e.target.value })} />
          <TextField label="Currency" value={f.currency ?? "USD"} error={errors.currency} maxLength={3} onChange={(e) => setF({ ...f, currency: e.target.value.toUpperCase() })} />
          <TextField label="Buffer before (min)" type="number" min={0} step={5} value={f.bufferBeforeMinutes ?? 0} onChange={(e) => setF({ ...f, bufferBeforeMinutes: Number(e.target.value) })} />
          <TextField label="Buffer after (min)" type="number" min={0} step={5} value={f.bufferAfterMinutes ?? 0} onChange={(e) => setF({ ...f, bufferAfterMinutes: Number(e.target.value) })} />
        </div>
        <fieldset>
          <legend className="label">Performed by</legend>
          <p className="mb-2 text-xs text-muted">Leave all unchecked to let any active staff member perform it.</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {(resources.data ?? []).map((r) => (
              <Checkbox key={r.id} label={r.name} checked={ids.has(r.id)} onChange={() => { const n = new Set(ids); n.has(r.id) ? n.delete(r.id) : n.add(r.id); setF({ ...f, resourceIds: [...n] }); }} />
            ))}
          </div>
        </fieldset>
      </form>
      <ConfirmDialog open={confirmDelete} onClose={() => setConfirmDelete(false)} onConfirm={() => del.mutate()} danger busy={del.isPending} title={`Delete ${f.name}?`} confirmLabel="Delete service">
        Existing appointments stay; customers can no longer book it.
      </ConfirmDialog>
    </Dialog>
  );
}
