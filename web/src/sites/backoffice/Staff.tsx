import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { staffApi } from "../../api/business";
import { ApiError, errorMessage, resultsOf } from "../../api/client";
import { emailError } from "../../lib/validation";
import { Dialog } from "../../ui/Dialog";
import { Alert, EmptyState, titleCase } from "../../ui/feedback";
import { SelectField, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Table } from "../../ui/Table";
import { useToast } from "../../ui/Toast";

export default function Staff() {
  const qc = useQueryClient();
  const toast = useToast();
  const invites = useQuery({ queryKey: ["invitations"], queryFn: staffApi.invitations, select: resultsOf });
  const [inviting, setInviting] = useState(false);
  const revoke = useMutation({ mutationFn: staffApi.revokeInvitation, onSuccess: () => { toast("Invitation withdrawn."); void qc.invalidateQueries({ queryKey: ["invitations"] }); }, onError: (e) => toast(errorMessage(e), "error") });
  return (
    <div className="space-y-6">
      <PageHeader title="Staff" description="Who can sign in to your back office."
        actions={<button type="button" className="btn-primary" onClick={() => setInviting(true)}><Icon name="mail" /> Invite staff</button>} />
      <Card title="Team">
        <EmptyState icon="users" title="Your team appears here soon">
          The server doesn't list team members yet. Invite people below; each invitation shows until it is accepted.
        </EmptyState>
      </Card>
      <Card title="Pending invitations">
        <Table caption="Invitations" rows={invites.data} loading={invites.isLoading} error={invites.error} onRetry={() => invites.refetch()}
          empty={{ icon: "mail", title: "No pending invitations" }}
          columns={[
            { key: "email", header: "Email", cell: (i) => i.email },
            { key: "role", header: "Role", cell: (i) => titleCase(i.role) },
            { key: "exp", header: "Expires", cell: (i) => (i.expiresAt ? new Date(i.expiresAt).toLocaleDateString() : "—"), hideOnMobile: true },
            { key: "act", header: <span className="sr-only">Actions</span>, className: "text-right", cell: (i) => <button type="button" className="btn-ghost py-1 text-red-600" onClick={() => revoke.mutate(i.id)}>Withdraw</button> },
          ]} />
      </Card>
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
    </div>
  );
}

function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("TENANT_STAFF");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => staffApi.invite({ email: email.trim(), role }),
    onSuccess: () => { toast(`Invitation sent to ${email}.`); setEmail(""); void qc.invalidateQueries({ queryKey: ["invitations"] }); onClose(); },
    onError: (e) => { if (e instanceof ApiError) setErrors(e.fieldErrors); setFormError(errorMessage(e)); },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); const v = emailError(email); setErrors({ email: v }); setFormError(null); if (!v) send.mutate(); };
  return (
    <Dialog open={open} onClose={onClose} size="sm" title="Invite a team member"
      footer={<><button type="button" className="btn-secondary" onClick={onClose}>Cancel</button><button type="submit" form="inv-form" className="btn-primary" disabled={send.isPending}>Send invitation</button></>}>
      <form id="inv-form" onSubmit={submit} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Email" type="email" value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        <SelectField label="Role" value={role} error={errors.role} onChange={(e) => setRole(e.target.value)} hint="Managers can change settings; staff see the schedule and their agenda.">
          <option value="TENANT_STAFF">Staff</option><option value="TENANT_MANAGER">Manager</option>
        </SelectField>
      </form>
    </Dialog>
  );
}
