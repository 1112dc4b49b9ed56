import { useState } from "react";
import { z } from "zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMessage, resultsOf } from "../../api/client";
import { platformApi } from "../../api/platform";
import { PLATFORM_ROLES, type Invitation, type PlatformStaff } from "../../api/types";
import { useMe } from "../../auth/session";
import { relativeFromNow } from "../../lib/time";
import { email } from "../../lib/validation";
import { ConfirmDialog, Dialog } from "../../ui/Dialog";
import { Alert, Badge, titleCase } from "../../ui/feedback";
import { SelectField, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Table } from "../../ui/Table";
import { applyServerError, FormAlert, useAppForm } from "../../ui/form";
import { useToast } from "../../ui/Toast";
import { RoleBadge, UserStatusBadge } from "./badges";

const ROLE_HINT: Record<string, string> = {
  PLATFORM_MANAGER: "Runs the platform: businesses, plans, users, staff and grants.",
  PLATFORM_SUPPORT: "Answers tickets and can act as a business's users to help them.",
  PLATFORM_SALES: "Sees businesses and creates demo businesses for prospects.",
  SUPERUSER: "Everything, without limits. Give it sparingly.",
};

export default function Staff() {
  const me = useMe();
  const qc = useQueryClient();
  const toast = useToast();
  const list = useQuery({ queryKey: ["platform-staff"], queryFn: platformApi.staff, select: (v) => resultsOf<PlatformStaff>(v) });
  const invites = useQuery({ queryKey: ["platform-staff-invitations"], queryFn: platformApi.staffInvitations, select: (v) => resultsOf<Invitation>(v) });
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<PlatformStaff | null>(null);
  const [withdrawing, setWithdrawing] = useState<Invitation | null>(null);
  const withdraw = useMutation({
    mutationFn: (i: Invitation) => platformApi.withdrawStaffInvitation(i.id),
    onSuccess: (_, i) => { toast(`Invitation to ${i.email} withdrawn.`); setWithdrawing(null); void qc.invalidateQueries({ queryKey: ["platform-staff-invitations"] }); },
    onError: (e) => { toast(errorMessage(e), "error"); setWithdrawing(null); },
  });
  return (
    <div className="space-y-6">
      <PageHeader title="Platform staff" description="SmoothSchedule employees with access to this console."
        actions={<button type="button" className="btn-primary" onClick={() => setInviting(true)}><Icon name="mail" /> Invite staff</button>} />
      <Card title="Staff">
        <Table caption="Platform staff" rows={list.data} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()}
          empty={{ icon: "shield", title: "No platform staff yet", body: "Invite your colleagues; each gets an e-mail to set a password." }}
          columns={[
            { key: "name", header: "User", cell: (u) => <span className="font-medium">{u.name || "—"}<span className="block text-xs font-normal text-muted">{u.email}</span></span> },
            { key: "role", header: "Role", cell: (u) => <RoleBadge role={u.role} /> },
            { key: "mfa", header: "Two-factor", cell: (u) => (u.mfaEnabled ? <Badge tone="green">On</Badge> : <Badge tone="amber">Off</Badge>), hideOnMobile: true },
            { key: "last", header: "Last sign-in", cell: (u) => (u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : "Never"), hideOnMobile: true },
            { key: "status", header: "Status", cell: (u) => <UserStatusBadge status={u.status} /> },
            { key: "act", header: <span className="sr-only">Actions</span>, className: "text-right",
              cell: (u) => u.id === me.data?.id ? <span className="text-xs text-muted">You</span> : (
                <button type="button" className="btn-ghost py-1" onClick={() => setEditing(u)} aria-label={`Change ${u.email}`}><Icon name="edit" /> <span className="hidden sm:inline">Change</span></button>
              ) },
          ]} />
      </Card>
      <Card title="Pending invitations">
        <Table caption="Pending platform staff invitations" rows={invites.data} loading={invites.isLoading} error={invites.error} onRetry={() => invites.refetch()}
          empty={{ icon: "mail", title: "No pending invitations", body: "Invitations show here until they are accepted or expire." }}
          columns={[
            { key: "email", header: "Email", cell: (i) => <span className="font-medium">{i.name || i.email}{i.name && <span className="block text-xs font-normal text-muted">{i.email}</span>}</span> },
            { key: "role", header: "Role", cell: (i) => <RoleBadge role={i.role} /> },
            { key: "exp", header: "Expires", cell: (i) => <span title={new Date(i.expiresAt).toLocaleString()}>{relativeFromNow(Date.parse(i.expiresAt))}</span>, hideOnMobile: true },
            { key: "act", header: <span className="sr-only">Actions</span>, className: "text-right",
              cell: (i) => <button type="button" className="btn-ghost py-1 text-red-600 dark:text-red-400" onClick={() => setWithdrawing(i)} aria-label={`Withdraw the invitation to ${i.email}`}>Withdraw</button> },
          ]} />
      </Card>
      <InviteStaffDialog open={inviting} onClose={() => setInviting(false)} />
      <EditStaffDialog staff={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog open={!!withdrawing} onClose={() => setWithdrawing(null)} onConfirm={() => withdrawing && withdraw.mutate(withdrawing)} busy={withdraw.isPending} danger
        title="Withdraw this invitation?" confirmLabel="Withdraw">
        The link sent to {withdrawing?.email} stops working. You can invite them again later.
      </ConfirmDialog>
    </div>
  );
}

const inviteSchema = z.object({ email: email(), name: z.string().trim(), role: z.string() });

function InviteStaffDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const form = useAppForm({ email: "", name: "", role: "PLATFORM_SUPPORT" }, inviteSchema);
  const { errors } = form.formState;
  const role = form.watch("role");
  const send = useMutation({
    mutationFn: (f: z.output<typeof inviteSchema>) => platformApi.inviteStaff({ email: f.email, name: f.name || undefined, role: f.role }),
    onSuccess: (_, f) => {
      toast(`Invitation sent to ${f.email}.`);
      form.reset();
      void qc.invalidateQueries({ queryKey: ["platform-staff-invitations"] });
      onClose();
    },
    onError: (e) => applyServerError(form, e),
  });
  const submit = form.handleSubmit((v) => send.mutate(v));
  return (
    <Dialog open={open} onClose={onClose} size="sm" title="Invite platform staff" description="They get an e-mail with a link to set their password."
      footer={<><button type="button" className="btn-secondary" onClick={onClose}>Cancel</button>
        <button type="submit" form="pinv-form" className="btn-primary" disabled={send.isPending}>{send.isPending ? "Sending…" : "Send invitation"}</button></>}>
      <form id="pinv-form" onSubmit={submit} noValidate className="space-y-4">
        <FormAlert errors={errors} />
        <TextField label="Email" type="email" {...form.register("email")} error={errors.email?.message} autoFocus />
        <TextField label="Name (optional)" {...form.register("name")} error={errors.name?.message} />
        <SelectField label="Role" {...form.register("role")} error={errors.role?.message} hint={ROLE_HINT[role]}>
          {PLATFORM_ROLES.filter((r) => r !== "SUPERUSER").map((r) => <option key={r} value={r}>{titleCase(r)}</option>)}
        </SelectField>
      </form>
    </Dialog>
  );
}

function EditStaffDialog({ staff, onClose }: { staff: PlatformStaff | null; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [role, setRole] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  if (staff && shown !== staff.id) { setShown(staff.id); setRole(staff.role); setFormError(null); }
  const save = useMutation({
    mutationFn: (body: { role?: string; status?: "active" | "disabled" }) => platformApi.updateStaff(staff!.id, body),
    onSuccess: (_, body) => {
      toast(body.status === "disabled" ? `${staff!.email} is disabled.` : body.status === "active" ? `${staff!.email} is active again.` : `${staff!.email} is now ${titleCase(body.role ?? "")}.`);
      void qc.invalidateQueries({ queryKey: ["platform-staff"] });
      void qc.invalidateQueries({ queryKey: ["platform-users"] });
      onClose();
    },
    onError: (e) => setFormError(errorMessage(e)),
  });
  const disabled = staff?.status === "disabled";
  return (
    <Dialog open={!!staff} onClose={onClose} size="sm" title={`Change ${staff?.name || staff?.email || ""}`} description={staff?.email}
      footer={<>
        <button type="button" className={disabled ? "btn-secondary mr-auto" : "btn-ghost mr-auto text-red-600 dark:text-red-400"} disabled={save.isPending}
          onClick={() => save.mutate({ status: disabled ? "active" : "disabled" })}>
          <Icon name={disabled ? "play" : "ban"} /> {disabled ? "Enable" : "Disable"}
        </button>
        <button type="button" className="btn-secondary" onClick={onClose}>Cancel</button>
        <button type="button" className="btn-primary" disabled={save.isPending || role === staff?.role} onClick={() => save.mutate({ role })}>Save role</button>
      </>}>
      <div className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <SelectField label="Role" value={role} hint={ROLE_HINT[role]} onChange={(e) => setRole(e.target.value)}>
          {PLATFORM_ROLES.map((r) => <option key={r} value={r}>{titleCase(r)}</option>)}
        </SelectField>
        {!disabled && <p className="text-sm text-muted">Disabling signs them out everywhere at once.</p>}
      </div>
    </Dialog>
  );
}
