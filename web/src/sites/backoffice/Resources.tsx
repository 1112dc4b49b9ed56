import { useEffect, useState } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { resourcesApi, staffApi } from "../../api/business";
import type { Resource, ResourceType } from "../../api/types";
import { required } from "../../lib/validation";
import { useResources } from "../../scheduler/data";
import { Dialog } from "../../ui/Dialog";
import { Badge } from "../../ui/feedback";
import { Checkbox, SelectField, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Table } from "../../ui/Table";
import { applyServerError, FormAlert, useAppForm } from "../../ui/form";
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

const resourceSchema = z.object({
  id: z.string().optional(),
  name: required("Enter a name."),
  type: z.custom<ResourceType>(),
  capacity: z.number().refine((v) => v >= 1, "Capacity is at least 1."),
  timezone: z.string(),
  userId: z.string(),
  isActive: z.boolean(),
});
type ResourceForm = z.input<typeof resourceSchema>;

const formOf = (r: Partial<Resource>): ResourceForm => ({
  ...(r.id ? { id: r.id } : {}), name: r.name ?? "", type: r.type ?? "STAFF", capacity: r.capacity ?? 1, timezone: r.timezone ?? "",
  userId: r.userId ?? "", isActive: r.isActive ?? true,
});

function ResourceDialog({ value, onClose }: { value: Partial<Resource> | null; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const form = useAppForm<ResourceForm, z.output<typeof resourceSchema>>(formOf({}), resourceSchema);
  const { errors } = form.formState;
  const { reset } = form;
  useEffect(() => { if (value) reset(formOf(value)); }, [value, reset]);
  const [id, type, userId] = form.watch(["id", "type", "userId"]);
  // Until the team has loaded the form has no "Linked user" (and saving leaves the link as it is).
  const team = useQuery({ queryKey: ["team"], queryFn: staffApi.team, enabled: !!value, staleTime: 60_000 });
  const resources = qc.getQueryData<{ results?: Resource[] }>(["resources"]);
  const takenBy = new Map((resources?.results ?? []).filter((r) => r.userId && r.id !== id).map((r) => [r.userId!, r.name]));
  const save = useMutation({
    mutationFn: ({ id, ...f }: z.output<typeof resourceSchema>) => {
      const body = { name: f.name, type: f.type, capacity: f.capacity, timezone: f.timezone || null, isActive: f.isActive,
        ...(team.data ? { userId: f.type === "STAFF" ? f.userId || null : null } : {}) };
      return id ? resourcesApi.update(id, body) : resourcesApi.create(body);
    },
    onSuccess: (_, v) => { toast(v.id ? "Resource saved." : "Resource added."); void qc.invalidateQueries({ queryKey: ["resources"] }); onClose(); },
    onError: (e) => applyServerError(form, e),
  });
  const submit = form.handleSubmit((v) => save.mutate(v));
  return (
    <Dialog open={!!value} onClose={onClose} title={id ? "Edit resource" : "Add resource"}
      footer={<><button type="button" className="btn-secondary" onClick={onClose}>Cancel</button><button type="submit" form="res-form" className="btn-primary" disabled={save.isPending}>Save</button></>}>
      <form id="res-form" onSubmit={submit} noValidate className="space-y-4">
        <FormAlert errors={errors} />
        <TextField label="Name" {...form.register("name")} error={errors.name?.message} autoFocus />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Type" {...form.register("type")}>
            <option value="STAFF">Staff member</option><option value="ROOM">Room</option><option value="EQUIPMENT">Equipment</option>
          </SelectField>
          <TextField label="Capacity" type="number" min={1} {...form.register("capacity", { setValueAs: (v) => Number(v) })} error={errors.capacity?.message} hint="How many bookings at once" />
        </div>
        {team.data && type === "STAFF" && (
          <Controller control={form.control} name="userId" render={({ field }) => (
            <SelectField label="Linked user" {...field} error={errors.userId?.message}
              hint="The team member who is this resource: their agenda shows its appointments.">
              <option value="">Nobody</option>
              {team.data!.filter((m) => m.status === "active" || m.id === userId).map((m) => (
                <option key={m.id} value={m.id} disabled={takenBy.has(m.id)}>{m.name || m.email}{takenBy.has(m.id) ? ` (linked to ${takenBy.get(m.id)})` : ""}</option>
              ))}
            </SelectField>
          )} />
        )}
        <Controller control={form.control} name="timezone" render={({ field }) => (
          <TimeZoneSelect label="Time zone" value={field.value} allowDefault onChange={field.onChange} />
        )} />
        <Checkbox label="Active" hint="Inactive resources can't be booked." {...form.register("isActive")} />
      </form>
    </Dialog>
  );
}
