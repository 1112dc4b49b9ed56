import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { staffApi, tenantGrantsApi } from "../../api/business";
import { ApiError, errorMessage, resultsOf } from "../../api/client";
import type { GrantStatus, Me, PermissionGrant, StaffMember } from "../../api/types";
import { hasPermission } from "../../auth/session";
import { grantLabel, useGrantable } from "../../lib/permissions";
import { relativeFromNow } from "../../lib/time";
import { emailError } from "../../lib/validation";
import { useResources } from "../../scheduler/data";
import { cx } from "../../ui/cx";
import { ConfirmDialog, Dialog } from "../../ui/Dialog";
import { Alert, Badge, titleCase } from "../../ui/feedback";
import { SelectField, TextArea, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Table } from "../../ui/Table";
import { useToast } from "../../ui/Toast";

const statusOf = (m: StaffMember) => m.status;
const roleTone = (r: string) => (r === "TENANT_OWNER" ? "violet" : r === "TENANT_MANAGER" ? "blue" : "gray");

export default function Staff({ me }: { me: Me }) {
  const qc = useQueryClient();
  const toast = useToast();
  const canManage = hasPermission(me, "staff.manage") && !me.masquerade;
  const team = useQuery({ queryKey: ["team"], queryFn: staffApi.team });
  const invites = useQuery({ queryKey: ["invitations"], queryFn: staffApi.invitations, select: resultsOf });
  const resources = useResources();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: staffApi.revokeInvitation,
    onSuccess: () => { toast("Invitation withdrawn."); setWithdrawing(null); void qc.invalidateQueries({ queryKey: ["invitations"] }); },
    onError: (e) => { toast(errorMessage(e), "error"); setWithdrawing(null); },
  });
  const resName = new Map((resources.data ?? []).map((r) => [r.id, r.name]));
  const linked = new Map((resources.data ?? []).filter((r) => r.userId).map((r) => [r.userId!, r.name]));
  return (
    <div className="space-y-6">
      <PageHeader title="Staff" description="Who can sign in to your back office, and what they may do."
        actions={<button type="button" className="btn-primary" onClick={() => setInviting(true)}><Icon name="mail" /> Invite staff</button>} />
      <Card title="Team">
        <Table caption="Team" rows={team.data} loading={team.isLoading} error={team.error} onRetry={() => team.refetch()}
          empty={{ icon: "users", title: "Just you so far", body: "Invite the people who work with you; they get an e-mail to set a password." }}
          columns={[
            { key: "name", header: "Name", cell: (m) => <span className="font-medium">{m.name || m.email}<span className="block text-xs font-normal text-muted">{m.email}</span></span> },
            { key: "role", header: "Role", cell: (m) => <Badge tone={roleTone(m.role)}>{titleCase(m.role.replace("TENANT_", ""))}</Badge> },
            { key: "res", header: "Resource", hideOnMobile: true, cell: (m) => (m.resourceId ? resName.get(m.resourceId) : linked.get(m.id)) ?? <span className="text-muted">—</span> },
            { key: "last", header: "Last sign-in", hideOnMobile: true, cell: (m) => (m.lastLoginAt ? relativeFromNow(Date.parse(m.lastLoginAt)) : "Never") },
            { key: "status", header: "Status", cell: (m) => (statusOf(m) === "disabled" ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>) },
            { key: "act", header: <span className="sr-only">Actions</span>, className: "text-right",
              cell: (m) => m.id === me.id ? <span className="text-xs text-muted">You</span>
                : canManage && m.role !== "TENANT_OWNER" ? <button type="button" className="btn-ghost py-1" onClick={() => setEditing(m)} aria-label={`Change ${m.email}`}><Icon name="edit" /> <span className="hidden sm:inline">Change</span></button>
                : null },
          ]} />
      </Card>
      <Card title="Pending invitations">
        <Table caption="Invitations" rows={invites.data} loading={invites.isLoading} error={invites.error} onRetry={() => invites.refetch()}
          empty={{ icon: "mail", title: "No pending invitations", body: "Invitations show here until they are accepted or expire." }}
          columns={[
            { key: "email", header: "Email", cell: (i) => i.email },
            { key: "role", header: "Role", cell: (i) => titleCase(i.role.replace("TENANT_", "")) },
            { key: "exp", header: "Expires", cell: (i) => (i.expiresAt ? relativeFromNow(Date.parse(i.expiresAt)) : "—"), hideOnMobile: true },
            { key: "act", header: <span className="sr-only">Actions</span>, className: "text-right",
              cell: (i) => <button type="button" className="btn-ghost py-1 text-red-600 dark:text-red-400" onClick={() => setWithdrawing(i.id)} aria-label={`Withdraw the invitation to ${i.email}`}>Withdraw</button> },
          ]} />
      </Card>
      {canManage && <Grants team={team.data ?? null} />}
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
      <MemberDialog member={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog open={!!withdrawing} onClose={() => setWithdrawing(null)} onConfirm={() => withdrawing && revoke.mutate(withdrawing)} busy={revoke.isPending} danger
        title="Withdraw this invitation?" confirmLabel="Withdraw">The link in the e-mail stops working. You can invite them again later.</ConfirmDialog>
    </div>
  );
}

function MemberDialog({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [role, setRole] = useState("");
  const [shown, setShown] = useState<string | null>(null);
  const [confirmDisable, setConfirmDisable] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  if (member && shown !== member.id) { setShown(member.id); setRole(member.role); setFormError(null); }
  const save = useMutation({
    mutationFn: (body: { role?: string; status?: "active" | "disabled" }) => staffApi.update(member!.id, body),
    onSuccess: (_, body) => {
      toast(body.status === "disabled" ? `${member!.email} is disabled and signed out.` : body.status === "active" ? `${member!.email} can sign in again.` : "Role changed.");
      void qc.invalidateQueries({ queryKey: ["team"] });
      setConfirmDisable(false);
      onClose();
    },
    onError: (e) => { setFormError(errorMessage(e)); setConfirmDisable(false); },
  });
  const disabled = member ? statusOf(member) === "disabled" : false;
  return (
    <>
      <Dialog open={!!member && !confirmDisable} onClose={onClose} size="sm" title={`Change ${member?.name || member?.email || ""}`} description={member?.email}
        footer={<>
          <button type="button" className={disabled ? "btn-secondary mr-auto" : "btn-ghost mr-auto text-red-600 dark:text-red-400"} disabled={save.isPending}
            onClick={() => (disabled ? save.mutate({ status: "active" }) : setConfirmDisable(true))}>
            <Icon name={disabled ? "play" : "ban"} /> {disabled ? "Enable" : "Disable"}
          </button>
          <button type="button" className="btn-secondary" onClick={onClose}>Cancel</button>
          <button type="button" className="btn-primary" disabled={save.isPending || role === member?.role} onClick={() => save.mutate({ role })}>Save role</button>
        </>}>
        <div className="space-y-4">
          {formError && <Alert>{formError}</Alert>}
          <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value)} hint="Managers can change services, hours and resources; staff see the schedule and their agenda.">
            <option value="TENANT_STAFF">Staff</option><option value="TENANT_MANAGER">Manager</option>
          </SelectField>
        </div>
      </Dialog>
      <ConfirmDialog open={!!member && confirmDisable} onClose={() => setConfirmDisable(false)} onConfirm={() => save.mutate({ status: "disabled" })} busy={save.isPending} danger
        title={`Disable ${member?.name || member?.email || ""}?`} confirmLabel="Disable">
        They are signed out at once and can't sign in until you enable them again. Their appointments stay.
      </ConfirmDialog>
    </>
  );
}

const grantTone = { active: "green", expired: "gray", revoked: "red" } as const;

function Grants({ team }: { team: StaffMember[] | null }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [status, setStatus] = useState<GrantStatus>("active");
  const list = useQuery({ queryKey: ["tenant-grants", status], queryFn: () => tenantGrantsApi.list({ status }), refetchInterval: 60_000 });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<PermissionGrant | null>(null);
  const revoke = useMutation({
    mutationFn: (g: PermissionGrant) => tenantGrantsApi.revoke(g.id),
    onSuccess: () => { toast("Permission revoked."); setRevoking(null); void qc.invalidateQueries({ queryKey: ["tenant-grants"] }); },
    onError: (e) => { toast(errorMessage(e), "error"); setRevoking(null); },
  });
  const who = new Map((team ?? []).map((m) => [m.id, m.name || m.email]));
  const grantable = useGrantable("tenant");
  return (
    <Card title="Temporary permissions" actions={<button type="button" className="btn-secondary py-1" onClick={() => setCreating(true)}><Icon name="key" /> Grant a permission</button>}>
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-4 py-3">
        <p className="mr-auto text-sm text-muted">Lend a team member one extra permission for a few hours. It ends by itself.</p>
        <div role="tablist" aria-label="Grant status" className="inline-flex rounded-lg border border-line p-0.5">
          {(["active", "expired", "revoked"] as GrantStatus[]).map((s) => (
            <button key={s} type="button" role="tab" aria-selected={status === s} onClick={() => setStatus(s)}
              className={cx("rounded-md px-3 py-1 text-sm font-medium capitalize", status === s ? "bg-brand text-brand-fg" : "text-muted hover:text-fg")}>{s}</button>
          ))}
        </div>
      </div>
      <Table caption={`${status} permission grants`} rows={list.data?.results} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()}
        empty={{ icon: "key", title: `No ${status} grants` }}
        columns={[
          { key: "who", header: "Team member", cell: (g) => <span className="font-medium">{who.get(g.granteeId) ?? g.granteeId}</span> },
          { key: "what", header: "Permission", cell: (g) => <span>{grantLabel(grantable, g.action)}<code className="mt-0.5 hidden w-fit rounded bg-surface-2 px-1 py-0.5 text-xs text-muted sm:block">{g.action}</code></span> },
          { key: "reason", header: "Reason", hideOnMobile: true, cell: (g) => <span className="line-clamp-2 max-w-xs">{g.reason}</span> },
          { key: "exp", header: "Ends", cell: (g) => <span className="whitespace-nowrap" title={new Date(g.expiresAt).toLocaleString()}>{g.revokedAt ? `revoked ${relativeFromNow(Date.parse(g.revokedAt))}` : relativeFromNow(Date.parse(g.expiresAt))}</span> },
          { key: "status", header: "Status", hideOnMobile: true, cell: (g) => <Badge tone={grantTone[g.status]}>{titleCase(g.status)}</Badge> },
          { key: "act", header: <span className="sr-only">Actions</span>, className: "text-right",
            cell: (g) => g.status === "active" ? <button type="button" className="btn-ghost py-1 text-red-600 dark:text-red-400" onClick={() => setRevoking(g)}
              aria-label={`Revoke ${g.action} for ${who.get(g.granteeId) ?? g.granteeId}`}>Revoke</button> : null },
        ]} />
      <GrantDialog open={creating} onClose={() => setCreating(false)} team={team} />
      <ConfirmDialog open={!!revoking} onClose={() => setRevoking(null)} onConfirm={() => revoking && revoke.mutate(revoking)} busy={revoke.isPending} danger
        title="Revoke this permission?" confirmLabel="Revoke">It stops working at once.</ConfirmDialog>
    </Card>
  );
}

function GrantDialog({ open, onClose, team }: { open: boolean; onClose: () => void; team: StaffMember[] | null }) {
  const qc = useQueryClient();
  const toast = useToast();
  const candidates = (team ?? []).filter((m) => m.role !== "TENANT_OWNER" && statusOf(m) === "active");
  const [f, setF] = useState({ granteeId: "", action: "", reason: "", durationMinutes: 60 });
  const member = candidates.find((m) => m.id === f.granteeId);
  const choices = useGrantable("tenant").filter((g) => !member || g.roles.includes(member.role));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => tenantGrantsApi.create({ ...f, granteeId: f.granteeId.trim(), reason: f.reason.trim() }),
    onSuccess: () => { toast("Permission granted."); setF({ ...f, granteeId: "", reason: "" }); void qc.invalidateQueries({ queryKey: ["tenant-grants"] }); onClose(); },
    onError: (e) => { if (e instanceof ApiError) setErrors(e.fieldErrors); setFormError(errorMessage(e)); },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v: Record<string, string | undefined> = {};
    if (!f.granteeId.trim()) v.granteeId = "Choose a team member.";
    if (!choices.some((c) => c.action === f.action)) v.action = "Choose the permission.";
    if (f.reason.trim().length < 5) v.reason = "Say briefly why (at least 5 characters); it is recorded.";
    setErrors(v);
    setFormError(null);
    if (!Object.values(v).some(Boolean)) create.mutate();
  };
  return (
    <Dialog open={open} onClose={onClose} title="Grant a permission" description="It ends by itself; you can revoke it sooner."
      footer={<><button type="button" className="btn-secondary" onClick={onClose}>Cancel</button>
        <button type="submit" form="tgrant-form" className="btn-primary" disabled={create.isPending}>Grant</button></>}>
      <form id="tgrant-form" onSubmit={submit} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <SelectField label="Team member" value={f.granteeId} error={errors.granteeId} onChange={(e) => setF({ ...f, granteeId: e.target.value })}
          hint={candidates.length ? undefined : "Invite someone first: owners already hold every permission."}>
          <option value="">Choose…</option>
          {candidates.map((m) => <option key={m.id} value={m.id}>{m.name ? `${m.name} (${m.email})` : m.email}</option>)}
        </SelectField>
        <SelectField label="Permission" value={f.action} error={errors.action} onChange={(e) => setF({ ...f, action: e.target.value })}>
          <option value="">Choose…</option>
          {choices.map((g) => <option key={g.action} value={g.action}>{g.label}</option>)}
        </SelectField>
        <SelectField label="For" value={f.durationMinutes} error={errors.durationMinutes} onChange={(e) => setF({ ...f, durationMinutes: Number(e.target.value) })}>
          {[[30, "30 minutes"], [60, "1 hour"], [120, "2 hours"], [240, "4 hours"], [480, "8 hours"]].map(([m, l]) => <option key={m} value={m}>{l}</option>)}
        </SelectField>
        <TextArea label="Reason" value={f.reason} error={errors.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} placeholder="Covering the front desk on Saturday" />
      </form>
    </Dialog>
  );
}

export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("TENANT_STAFF");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => staffApi.invite({ email: email.trim(), role }),
    onSuccess: () => { toast(`Invitation sent to ${email.trim()}.`); setEmail(""); void qc.invalidateQueries({ queryKey: ["invitations"] }); onClose(); },
    onError: (e) => { if (e instanceof ApiError) setErrors(e.fieldErrors); setFormError(errorMessage(e)); },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); const v = emailError(email); setErrors({ email: v }); setFormError(null); if (!v) send.mutate(); };
  return (
    <Dialog open={open} onClose={onClose} size="sm" title="Invite a team member" description="They get an e-mail with a link to set their password."
      footer={<><button type="button" className="btn-secondary" onClick={onClose}>Cancel</button><button type="submit" form="inv-form" className="btn-primary" disabled={send.isPending}>{send.isPending ? "Sending…" : "Send invitation"}</button></>}>
      <form id="inv-form" onSubmit={submit} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Email" type="email" value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        <SelectField label="Role" value={role} error={errors.role} onChange={(e) => setRole(e.target.value)} hint="Managers can change services, hours and resources; staff see the schedule and their agenda.">
          <option value="TENANT_STAFF">Staff</option><option value="TENANT_MANAGER">Manager</option>
        </SelectField>
      </form>
    </Dialog>
  );
}
