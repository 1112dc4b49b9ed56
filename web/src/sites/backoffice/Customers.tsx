import { useEffect, useState } from "react";
import { z } from "zod";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { customersApi } from "../../api/business";
import type { Customer } from "../../api/types";
import { useTenantTz } from "../../app/config-context";
import { formatDateTime } from "../../lib/time";
import { useDebounced } from "../../lib/useDebounced";
import { checked, email, phoneError, required } from "../../lib/validation";
import { statusStyle } from "../../scheduler/status";
import { Dialog } from "../../ui/Dialog";
import { Badge, EmptyState, SkeletonRows } from "../../ui/feedback";
import { SearchInput, TextArea, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Pager, Table } from "../../ui/Table";
import { applyServerError, FormAlert, useAppForm } from "../../ui/form";
import { useToast } from "../../ui/Toast";

export default function Customers() {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const q = useDebounced(search);
  const list = useQuery({ queryKey: ["customers", "list", q, page], queryFn: () => customersApi.list({ search: q, page, page_size: 25 }), placeholderData: keepPreviousData });
  const [edit, setEdit] = useState<Partial<Customer> | null>(null);
  return (
    <div>
      <PageHeader title="Customers" description="Everyone who has booked with you."
        actions={<button type="button" className="btn-primary" onClick={() => setEdit({ name: "", email: "", phone: "", tags: [] })}><Icon name="plus" /> Add customer</button>} />
      <Card>
        <div className="border-b border-line p-4"><SearchInput label="Search customers" placeholder="Search by name, email, phone or tag" value={search} onChange={(v) => { setSearch(v); setPage(1); }} /></div>
        <Table caption="Customers" rows={list.data?.results} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()} onRowClick={setEdit}
          empty={{ icon: "users", title: q ? "No customers match" : "No customers yet", body: q ? "Try a different search." : "Customers appear here when they book, or add them yourself." }}
          columns={[
            { key: "name", header: "Name", cell: (c) => c.name },
            { key: "email", header: "Email", cell: (c) => c.email, hideOnMobile: true },
            { key: "phone", header: "Phone", cell: (c) => c.phone || "—", hideOnMobile: true },
            { key: "tags", header: "Tags", cell: (c) => <span className="flex flex-wrap gap-1">{(c.tags ?? []).map((t) => <Badge key={t} tone="brand">{t}</Badge>)}</span> },
          ]} />
        <Pager page={page} count={list.data?.count ?? 0} pageSize={25} onPage={setPage} />
      </Card>
      <CustomerDrawer value={edit} onClose={() => setEdit(null)} />
    </div>
  );
}

const customerSchema = z.object({
  id: z.string().optional(),
  name: required("Enter a name."),
  email: email(),
  phone: checked((v) => phoneError(v)).transform((v) => v.trim()),
  tags: z.array(z.string()),
  notes: z.string(),
});
type CustomerForm = z.input<typeof customerSchema>;

const formOf = (c: Partial<Customer>): CustomerForm => ({
  ...(c.id ? { id: c.id } : {}), name: c.name ?? "", email: c.email ?? "", phone: c.phone ?? "", tags: c.tags ?? [], notes: c.notes ?? "",
});

function CustomerDrawer({ value, onClose }: { value: Partial<Customer> | null; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const tz = useTenantTz();
  const form = useAppForm<CustomerForm, z.output<typeof customerSchema>>(formOf({}), customerSchema);
  const { errors } = form.formState;
  const [tag, setTag] = useState("");
  const { reset } = form;
  useEffect(() => { if (value) reset(formOf(value)); }, [value, reset]);
  const id = form.watch("id");
  const name = form.watch("name");
  const tags = form.watch("tags");
  const history = useQuery({ queryKey: ["customer-history", value?.id], queryFn: () => customersApi.history(value!.id!), enabled: !!value?.id });
  const save = useMutation({
    mutationFn: ({ id, ...body }: z.output<typeof customerSchema>) => (id ? customersApi.update(id, body) : customersApi.create(body)),
    onSuccess: () => { toast("Customer saved."); void qc.invalidateQueries({ queryKey: ["customers"] }); onClose(); },
    onError: (e) => applyServerError(form, e),
  });
  const submit = form.handleSubmit((v) => save.mutate(v));
  const setTags = (t: string[]) => form.setValue("tags", t);
  const addTag = () => { const t = tag.trim(); if (t && !tags.includes(t)) setTags([...tags, t]); setTag(""); };
  return (
    <Dialog open={!!value} onClose={onClose} variant="drawer" title={id ? name || "Customer" : "Add customer"}
      footer={<><button type="button" className="btn-secondary" onClick={onClose}>Close</button><button type="submit" form="cust-form" className="btn-primary" disabled={save.isPending}>Save</button></>}>
      <form id="cust-form" onSubmit={submit} noValidate className="space-y-4">
        <FormAlert errors={errors} />
        <TextField label="Name" {...form.register("name")} error={errors.name?.message} />
        <TextField label="Email" type="email" {...form.register("email")} error={errors.email?.message} />
        <TextField label="Phone" type="tel" {...form.register("phone")} error={errors.phone?.message} />
        <div>
          <label className="label" htmlFor="tag-input">Tags</label>
          <div className="mb-2 flex flex-wrap gap-1.5">
            {tags.map((t) => (
              <span key={t} className="inline-flex items-center gap-1 rounded-full bg-brand/10 px-2 py-0.5 text-xs font-medium text-brand">
                {t}<button type="button" aria-label={`Remove tag ${t}`} onClick={() => setTags(tags.filter((x) => x !== t))}><Icon name="x" className="h-3 w-3" /></button>
              </span>
            ))}
          </div>
          <div className="flex gap-2">
            <input id="tag-input" className="input" placeholder="e.g. VIP" value={tag} onChange={(e) => setTag(e.target.value)} onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); addTag(); } }} />
            <button type="button" className="btn-secondary" onClick={addTag}>Add</button>
          </div>
        </div>
        <TextArea label="Notes" {...form.register("notes")} />
      </form>
      {id && (
        <section className="mt-6" aria-labelledby="hist-h">
          <h3 id="hist-h" className="mb-2 text-sm font-semibold">History</h3>
          {history.isLoading ? <SkeletonRows rows={2} /> : !history.data?.results.length ? <EmptyState icon="calendar" title="No appointments yet" /> : (
            <ul className="divide-y divide-line rounded-lg border border-line">
              {history.data.results.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
                  <span>{a.startTime ? formatDateTime(Date.parse(a.startTime), tz) : "Unscheduled"} · {a.serviceName ?? "Appointment"}</span>
                  <Badge tone={statusStyle[a.status].tone}>{statusStyle[a.status].label}</Badge>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Dialog>
  );
}
