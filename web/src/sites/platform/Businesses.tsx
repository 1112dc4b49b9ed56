import { useState } from "react";
import { Controller } from "react-hook-form";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../../api/client";
import { platformApi } from "../../api/platform";
import type { Business, BusinessDetail, BusinessStatus } from "../../api/types";
import { usePlans } from "../../lib/plans";
import { useConfig } from "../../app/config-context";
import { hostUrl } from "../../config";
import { formatDateTime } from "../../lib/time";
import { useDebounced } from "../../lib/useDebounced";
import { inviteBusinessBody, inviteBusinessSchema, type InviteBusinessForm } from "../../lib/validation";
import { cx } from "../../ui/cx";
import { ConfirmDialog, Dialog } from "../../ui/Dialog";
import { Badge, ErrorState, Skeleton, titleCase } from "../../ui/feedback";
import { Checkbox, SearchInput, SelectField, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Pager, Table } from "../../ui/Table";
import { applyServerError, FormAlert, useAppForm } from "../../ui/form";
import { useToast } from "../../ui/Toast";
import { PlanBadge, StatusBadge } from "./badges";
import { MasqueradeDialog } from "./MasqueradeDialog";
import { EntitlementsSummary } from "./OverridesEditor";
import { DemoDialog } from "./DemoDialog";
import { hasPermission, useMe } from "../../auth/session";

const PAGE = 25;

export default function Businesses() {
  const me = useMe();
  const canInvite = hasPermission(me.data, "platform.businesses.write");
  const canDemo = hasPermission(me.data, "platform.demo.create");
  const [demo, setDemo] = useState(false);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<BusinessStatus | "">("");
  const [plan, setPlan] = useState("");
  const plans = usePlans();
  const [page, setPage] = useState(1);
  const q = useDebounced(search);
  const list = useQuery({ queryKey: ["platform-businesses", q, status, plan, page], queryFn: () => platformApi.businesses({ search: q, status, plan, page, page_size: PAGE }), placeholderData: keepPreviousData });
  const [open, setOpen] = useState<Business | null>(null);
  const [inviting, setInviting] = useState(false);
  return (
    <div>
      <PageHeader title="Businesses" description="Every tenant on the platform."
        actions={<>
          {canDemo && <button type="button" className={canInvite ? "btn-secondary" : "btn-primary"} onClick={() => setDemo(true)}><Icon name="play" /> Create demo</button>}
          {canInvite && <button type="button" className="btn-primary" onClick={() => setInviting(true)}><Icon name="mail" /> Invite business</button>}
        </>} />
      <Card>
        <div className="grid gap-3 border-b border-line p-4 sm:grid-cols-[1fr_auto_auto]">
          <SearchInput label="Search businesses" placeholder="Search by name, address or owner" value={search} onChange={(v) => { setSearch(v); setPage(1); }} />
          <select aria-label="Status" className="input" value={status} onChange={(e) => { setStatus(e.target.value as BusinessStatus); setPage(1); }}>
            <option value="">All statuses</option>
            {["active", "trial", "suspended", "deleted"].map((s) => <option key={s} value={s}>{titleCase(s)}</option>)}
          </select>
          <select aria-label="Plan" className="input" value={plan} onChange={(e) => { setPlan(e.target.value); setPage(1); }}>
            <option value="">All plans</option>
            {plans.map((p) => <option key={p.key} value={p.key}>{p.name}</option>)}
          </select>
        </div>
        <Table caption="Businesses" rows={list.data?.results} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()} onRowClick={setOpen}
          empty={{ icon: "building", title: q || status || plan ? "No businesses match" : "No businesses yet", body: q || status || plan ? "Try clearing the filters." : "Invite the first business to get started." }}
          columns={[
            { key: "name", header: "Business", cell: (b) => <span>{b.name}<span className="block text-xs font-normal text-muted">{b.subdomain}</span></span> },
            { key: "owner", header: "Owner", cell: (b) => b.ownerEmail ?? "—", hideOnMobile: true },
            { key: "plan", header: "Plan", cell: (b) => <PlanBadge plan={String(b.plan)} /> },
            { key: "status", header: "Status", cell: (b) => <span className="inline-flex gap-1"><StatusBadge status={String(b.status)} />{b.isDemo && <Badge tone="blue">Demo</Badge>}</span> },
            { key: "created", header: "Created", cell: (b) => (b.createdAt ? new Date(b.createdAt).toLocaleDateString() : "—"), hideOnMobile: true },
          ]} />
        <Pager page={page} count={list.data?.count ?? 0} pageSize={PAGE} onPage={setPage} />
      </Card>
      <BusinessDrawer business={open} onClose={() => setOpen(null)} />
      <InviteBusinessDialog open={inviting} onClose={() => setInviting(false)} />
      <DemoDialog open={demo} onClose={() => setDemo(false)} />
    </div>
  );
}

function BusinessDrawer({ business, onClose }: { business: Business | null; onClose: () => void }) {
  const cfg = useConfig();
  const me = useMe();
  const qc = useQueryClient();
  const toast = useToast();
  const detail = useQuery({ queryKey: ["platform-business", business?.id], queryFn: () => platformApi.business(business!.id), enabled: !!business, });
  const full: BusinessDetail | undefined = detail.data;
  const b: Business | null = full ?? business;
  const [confirm, setConfirm] = useState(false);
  const [masq, setMasq] = useState(false);
  const toggle = useMutation({
    mutationFn: () => (b!.status === "suspended" ? platformApi.activate(b!.id) : platformApi.suspend(b!.id)),
    onSuccess: (nb) => {
      void qc.invalidateQueries({ queryKey: ["platform-businesses"] });
      void qc.invalidateQueries({ queryKey: ["platform-business", b!.id] });
      toast(nb?.status === "suspended" || b!.status !== "suspended" ? `${b!.name} suspended.` : `${b!.name} is active again.`);
      setConfirm(false);
    },
    onError: (e) => { toast(errorMessage(e), "error"); setConfirm(false); },
  });
  const suspended = b?.status === "suspended";
  const canSuspend = hasPermission(me.data, "platform.businesses.suspend");
  const canMasq = hasPermission(me.data, "masquerade.start");
  return (
    <>
      <Dialog open={!!business} onClose={onClose} variant="drawer" title={b?.name ?? ""} description={b ? `${b.subdomain}.${cfg.baseDomain}` : undefined}
        footer={b && (canSuspend || canMasq) && <>
          {canSuspend && <button type="button" className={suspended ? "btn-primary" : "btn-danger"} onClick={() => setConfirm(true)}>
            <Icon name={suspended ? "play" : "ban"} /> {suspended ? "Activate" : "Suspend"}
          </button>}
          {canMasq && <button type="button" className="btn-secondary" disabled={!b.ownerId} onClick={() => setMasq(true)} title={b.ownerId ? undefined : "No owner to act as"}>
            <Icon name="mask" /> Masquerade as owner
          </button>}
        </>}>
        {b && (
          <div className="space-y-5 text-sm">
            <div className="flex flex-wrap gap-2"><PlanBadge plan={String(b.plan)} /><StatusBadge status={String(b.status)} /></div>
            <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2">
              <dt className="text-muted">Owner</dt><dd>{b.ownerName ? `${b.ownerName} · ` : ""}{b.ownerEmail ?? "—"}</dd>
              <dt className="text-muted">Time zone</dt><dd>{b.timezone ?? "—"}</dd>
              <dt className="text-muted">Created</dt><dd>{b.createdAt ? formatDateTime(Date.parse(b.createdAt), Intl.DateTimeFormat().resolvedOptions().timeZone) : "—"}</dd>
              <dt className="text-muted">Users</dt><dd>{b.userCount ?? "—"}</dd>
              <dt className="text-muted">Appointments</dt><dd>{detail.data?.appointmentCount ?? "—"}</dd>
              <dt className="text-muted">Site</dt><dd><a className="text-brand hover:underline" href={hostUrl(cfg, b.subdomain)} target="_blank" rel="noreferrer">Open booking site ↗</a></dd>
            </dl>
            {full ? <EntitlementsSummary business={full} canEdit={hasPermission(me.data, "platform.businesses.write")} />
              : detail.isError ? <ErrorState error={detail.error} onRetry={() => detail.refetch()} />
              : <Skeleton className="h-40" />}
          </div>
        )}
      </Dialog>
      <ConfirmDialog open={confirm} onClose={() => setConfirm(false)} onConfirm={() => toggle.mutate()} busy={toggle.isPending} danger={!suspended}
        title={suspended ? `Activate ${b?.name}?` : `Suspend ${b?.name}?`} confirmLabel={suspended ? "Activate" : "Suspend business"}>
        {suspended ? "Staff and customers will be able to sign in and book again." : "Staff and customers will be locked out and online booking stops until you activate it again."}
      </ConfirmDialog>
      <MasqueradeDialog target={masq && b?.ownerId ? { id: b.ownerId, email: b.ownerEmail ?? "", name: b.ownerName ?? null } : null} onClose={() => setMasq(false)} />
    </>
  );
}

const emptyInvite: InviteBusinessForm = { email: "", businessName: "", tier: "", overrideLimits: false, maxUsers: "", maxResources: "", maxAppointmentsPerMonth: "" };

export function InviteBusinessDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const toast = useToast();
  const plans = usePlans();
  const form = useAppForm<InviteBusinessForm>(emptyInvite, inviteBusinessSchema);
  const { errors } = form.formState;
  const overrideLimits = form.watch("overrideLimits");
  const send = useMutation({
    mutationFn: (f: InviteBusinessForm) => platformApi.inviteBusiness(inviteBusinessBody(f)),
    onSuccess: (_, f) => { toast(`Invitation sent to ${f.email}.`); form.reset(emptyInvite); onClose(); },
    onError: (e) => applyServerError(form, e, {
      rename: { "limitOverrides.maxUsers": "maxUsers", "limitOverrides.maxResources": "maxResources", "limitOverrides.maxAppointmentsPerMonth": "maxAppointmentsPerMonth" },
    }),
  });
  const submit = form.handleSubmit((v) => send.mutate(v));
  return (
    <Dialog open={open} onClose={onClose} title="Invite a business" description="The owner gets an email to set up their account and business."
      footer={<>
        <button type="button" className="btn-secondary" onClick={onClose}>Cancel</button>
        <button type="submit" form="invite-biz" className="btn-primary" disabled={send.isPending}>{send.isPending ? "Sending…" : "Send invitation"}</button>
      </>}>
      <form id="invite-biz" onSubmit={submit} noValidate className="space-y-4">
        <FormAlert errors={errors} />
        <TextField label="Owner's email" type="email" {...form.register("email")} error={errors.email?.message} autoFocus />
        <TextField label="Business name" {...form.register("businessName")} error={errors.businessName?.message} />
        <Controller control={form.control} name="tier" render={({ field }) => (
          <SelectField label="Tier" {...field} error={errors.tier?.message}>
            <option value="">Choose…</option>
            {plans.map((p) => <option key={p.key} value={p.key}>{p.name}</option>)}
          </SelectField>
        )} />
        <div className="rounded-lg border border-line">
          <div className="p-3">
            <Checkbox label="Override tier limits" hint="Set custom limits for this business instead of the tier's." 
              aria-expanded={overrideLimits} aria-controls="override-section" {...form.register("overrideLimits")} />
          </div>
          <div id="override-section" className={cx("grid transition-[grid-template-rows] duration-300 ease-out", overrideLimits ? "grid-rows-[1fr]" : "grid-rows-[0fr]")}
            aria-hidden={!overrideLimits} inert={!overrideLimits}>
            <div className="overflow-hidden">
              <div className="grid gap-3 border-t border-line p-3 sm:grid-cols-3">
                <TextField label="Max users" inputMode="numeric" {...form.register("maxUsers")} error={errors.maxUsers?.message} placeholder="Tier default" />
                <TextField label="Max resources" inputMode="numeric" {...form.register("maxResources")} error={errors.maxResources?.message} placeholder="Tier default" />
                <TextField label="Appointments / month" inputMode="numeric" {...form.register("maxAppointmentsPerMonth")} error={errors.maxAppointmentsPerMonth?.message} placeholder="Tier default" />
              </div>
            </div>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
