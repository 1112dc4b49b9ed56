import { useEffect, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { resourcesApi, staffApi } from "../../api/business";
import { ApiError, errorMessage } from "../../api/client";
import type { Resource, ResourceType } from "../../api/types";
import { useResources } from "../../scheduler/data";
import { Dialog } from "../../ui/Dialog";
import { Alert, Badge } from "../../ui/feedback";
import { Checkbox, SelectField, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Table } from "../../ui/Table";
import { useToast } from "../../ui/Toast";
import { TimeZoneSelect } from "./TimeZoneSelect";

export default function Resources() {
  const list = useResources();
  const [edit, setEdit] = useState<Partial<Resource> | null>(null);
  return (
    <div>
      <PageHeader title="Resources" description="People, rooms and equipment that appointments are booked with."
        actions={<button type="button" className="btn-primary" onClick={() => setEdit({ type: "STAFF", capacity: 1, isActive: true })}><Icon name="plus" /> Add resource</button>} />
      <Card>
        <Table caption="Resources" rows={list.data} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()} onRowClick={setEdit}
          empty={{ icon: "box", title: "No resources yet", body: "Add your staff, rooms or equipment to start taking bookings.", action: <button type="button" className="btn-primary" onClick={() => setEdit({ type: "STAFF", capacity: 1, isActive: true })}>Add resource</button> }}
          columns={[
            { key: "name", header: "Name", cell: (r) => r.name },
            { key: "type", header: "Type", cell: (r) => <Badge tone={r.type === "STAFF" ? "blue" : r.type === "ROOM" ? "violet" : "gray"}>{r.type.toLowerCase()}</Badge> },
            { key: "cap", header: "Capacity", cell: (r) => r.capacity, hideOnMobile: true },
            { key: "tz", header: "Time zone", cell: (r) => r.timezone || "Business default", hideOnMobile: true },
            { key: "active", header: "Status", cell: (r) => (r.isActive ? <Badge tone="green">active</Badge> : <Badge>inactive</Badge>) },
          ]} />
      </Card>
      <ResourceDialog value={edit} onClose={() => setEdit(null)} />
    </div>
  );
}

function ResourceDialog({ value, onClose }: { value: Partial<Resource> | null; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [f, setF] = useState<Partial<Resource>>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => { if (value) { setF(value); setErrors({}); setFormError(null); } }, [value]);
  // Until the team has loaded the form has no "Linked user" (and saving leaves the link as it is).
  const team = useQuery({ queryKey: ["team"], queryFn: staffApi.team, enabled: !!value, staleTime: 60_000 });
  const resources = qc.getQueryData<{ results?: Resource[] }>(["resources"]);
  const takenBy = new Map((resources?.results ?? []).filter((r) => r.userId && r.id !== f.id).map((r) => [r.userId!, r.name]));
  const save = useMutation({
    mutationFn: () => {
      const body = { name: f.name?.trim(), type: f.type, capacity: Number(f.capacity ?? 1), timezone: f.timezone || null, isActive: f.isActive ?? true,
        ...(team.data ? { userId: f.type === "STAFF" ? f.userId || null : null } : {}) };
      return f.id ? resourcesApi.update(f.id, body) : resourcesApi.create(body);
    },
    onSuccess: () => { toast(f.id ? "Resource saved." : "Resource added."); void qc.invalidateQueries({ queryKey: ["resources"] }); onClose(); },
    onError: (e) => { if (e instanceof ApiError) setErrors(e.fieldErrors); setFormError(errorMessage(e)); },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v: Record<string, string | undefined> = {};
    if (!f.name?.trim()) v.name = "Enter a name.";
    if (!(Number(f.capacity) >= 1)) v.capacity = "Capacity is at least 1.";
    setErrors(v);
    if (!Object.values(v).some(Boolean)) save.mutate();
  };
  return (
    <Dialog open={!!value} onClose={onClose} title={f.id ? "Edit resource" : "Add resource"}
      footer={<><button type="button" className="btn-secondary" onClick={onClose}>Cancel</button><button type="submit" form="res-form" className="btn-primary" disabled={save.isPending}>Save</button></>}>
      <form id="res-form" onSubmit={submit} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Name" value={f.name ?? ""} error={errors.name} onChange={(e) => setF({ ...f, name: e.target.value })} autoFocus />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Type" value={f.type ?? "STAFF"} onChange={(e) => setF({ ...f, type: e.target.value as ResourceType })}>
            <option value="STAFF">Staff member</option><option value="ROOM">Room</option><option value="EQUIPMENT">Equipment</option>
          </SelectField>
          <TextField label="Capacity" type="number" min={1} value={f.capacity ?? 1} error={errors.capacity} onChange={(e) => setF({ ...f, capacity: Number(e.target.value) })} hint="How many bookings at once" />
        </div>
        {team.data && (f.type ?? "STAFF") === "STAFF" && (
          <SelectField label="Linked user" value={f.userId ?? ""} error={errors.userId} onChange={(e) => setF({ ...f, userId: e.target.value || null })}
            hint="The team member who is this resource: their agenda shows its appointments.">
            <option value="">Nobody</option>
            {team.data.filter((m) => m.status === "active" || m.id === f.userId).map((m) => (
              <option key={m.id} value={m.id} disabled={takenBy.has(m.id)}>{m.name || m.email}{takenBy.has(m.id) ? ` (linked to ${takenBy.get(m.id)})` : ""}</option>
            ))}
          </SelectField>
        )}
        <TimeZoneSelect label="Time zone" value={f.timezone ?? ""} allowDefault onChange={(tz) => setF({ ...f, timezone: tz })} />
        <Checkbox label="Active" hint="Inactive resources can't be booked." checked={f.isActive ?? true} onChange={(e) => setF({ ...f, isActive: e.target.checked })} />
      </form>
    </Dialog>
  );
}
