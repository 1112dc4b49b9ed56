import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, errorMessage } from "../../api/client";
import { platformApi } from "../../api/platform";
import { isPlatformRole, type GrantStatus, type PermissionGrant } from "../../api/types";
import { useGrantable } from "../../lib/permissions";
import { relativeFromNow } from "../../lib/time";
import { cx } from "../../ui/cx";
import { ConfirmDialog, Dialog } from "../../ui/Dialog";
import { Alert, Badge, titleCase } from "../../ui/feedback";
import { SelectField, TextArea, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Table } from "../../ui/Table";
import { useToast } from "../../ui/Toast";
import { UserCell, UserPicker, useUsersById, type PickedUser } from "./UserPicker";

const tone = { active: "green", expired: "gray", revoked: "red" } as const;

export default function Grants() {
  const qc = useQueryClient();
  const toast = useToast();
  const [status, setStatus] = useState<GrantStatus>("active");
  const list = useQuery({ queryKey: ["grants", status], queryFn: () => platformApi.grants({ status }), refetchInterval: 30_000 });
  const rows = list.data?.results ?? [];
  const users = useUsersById(rows.flatMap((g) => [g.granteeId, g.grantorId]));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [creating, setCreating] = useState(false);
  const revoke = useMutation({
    mutationFn: async (ids: string[]): Promise<unknown> => (ids.length === 1 ? platformApi.revokeGrant(ids[0]!) : platformApi.bulkRevoke(ids)),
    onSuccess: (_, ids) => { toast(ids.length === 1 ? "Grant revoked." : `${ids.length} grants revoked.`); setSelected(new Set()); setConfirm(null); void qc.invalidateQueries({ queryKey: ["grants"] }); },
    onError: (e) => { toast(errorMessage(e), "error"); setConfirm(null); },
  });
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); n.has(id) ? n.delete(id) : n.add(id); return n; });
  const toggleAll = (ids: string[]) => setSelected((s) => (ids.every((i) => s.has(i)) ? new Set() : new Set(ids)));
  return (
    <div>
      <PageHeader title="Permission grants" description="Time-limited extra permissions given to platform staff. Every grant and revocation is audited."
        actions={<button type="button" className="btn-primary" onClick={() => setCreating(true)}><Icon name="plus" /> New grant</button>} />
      <Card>
        <div className="flex flex-wrap items-center gap-3 border-b border-line p-3">
          <div role="tablist" aria-label="Grant status" className="inline-flex rounded-lg border border-line p-0.5">
            {(["active", "expired", "revoked"] as GrantStatus[]).map((s) => (
              <button key={s} type="button" role="tab" aria-selected={status === s} onClick={() => { setStatus(s); setSelected(new Set()); }}
                className={cx("rounded-md px-3 py-1 text-sm font-medium capitalize", status === s ? "bg-brand text-brand-fg" : "text-muted hover:text-fg")}>{s}</button>
            ))}
          </div>
          {selected.size > 0 && (
            <button type="button" className="btn-danger ml-auto" onClick={() => setConfirm([...selected])}>Revoke {selected.size} selected</button>
          )}
        </div>
        <Table caption={`${status} grants`} rows={list.data?.results} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()}
          empty={{ icon: "key", title: `No ${status} grants` }}
          selectable={status === "active" ? { selected, toggle, toggleAll, can: (g) => g.status === "active" } : undefined}
          columns={[
            { key: "grantee", header: "Grantee", cell: (g: PermissionGrant) => <UserCell id={g.granteeId} user={users.get(g.granteeId)} /> },
            { key: "action", header: "Permission", cell: (g) => <code className="rounded bg-surface-2 px-1.5 py-0.5 text-xs">{g.action}</code> },
            { key: "reason", header: "Reason", hideOnMobile: true, cell: (g) => {
              const by = users.get(g.grantorId);
              return <span className="block max-w-xs"><span className="line-clamp-2" title={g.reason}>{g.reason}</span>
                <span className="block text-xs text-muted" title={by?.email ?? g.grantorId}>by {by ? by.name || by.email : `${g.grantorId.slice(0, 8)}…`}</span></span>;
            } },
            { key: "exp", header: "Expires", cell: (g) => <span className="whitespace-nowrap" title={new Date(g.expiresAt).toLocaleString()}>{g.revokedAt ? `revoked ${relativeFromNow(Date.parse(g.revokedAt))}` : relativeFromNow(Date.parse(g.expiresAt))}</span> },
            { key: "status", header: "Status", cell: (g) => <Badge tone={tone[g.status]}>{titleCase(g.status)}</Badge> },
            { key: "act", header: <span className="sr-only">Actions</span>, className: "text-right",
              cell: (g) => g.status === "active" ? <button type="button" className="btn-ghost py-1 text-red-600 dark:text-red-400" onClick={() => setConfirm([g.id])} aria-label={`Revoke ${g.action} for ${users.get(g.granteeId)?.email ?? g.granteeId}`}>Revoke</button> : null },
          ]} />
      </Card>
      <ConfirmDialog open={!!confirm} onClose={() => setConfirm(null)} onConfirm={() => confirm && revoke.mutate(confirm)} busy={revoke.isPending} danger
        title={confirm && confirm.length > 1 ? `Revoke ${confirm.length} grants?` : "Revoke this grant?"} confirmLabel="Revoke">
        The permission stops working immediately.
      </ConfirmDialog>
      <CreateGrantDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

function CreateGrantDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const blank = { grantee: null as PickedUser | null, action: "", reason: "", durationMinutes: 30 };
  const [f, setF] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const role = f.grantee?.user?.role;
  // What the server would accept from this grantor for the grantee's role (platform staff until one is chosen).
  const choices = useGrantable("platform").filter((g) => (role ? g.roles.includes(role) : g.roles.some(isPlatformRole)));
  const close = () => { setF(blank); setErrors({}); setFormError(null); onClose(); };
  const create = useMutation({
    mutationFn: () => platformApi.createGrant({ granteeId: f.grantee!.id, action: f.action, reason: f.reason.trim(), durationMinutes: f.durationMinutes }),
    onSuccess: (g) => { toast(`Granted ${g.action} to ${f.grantee?.user?.email ?? "the user"}.`); void qc.invalidateQueries({ queryKey: ["grants"] }); close(); },
    onError: (e) => { if (e instanceof ApiError) setErrors(e.fieldErrors); setFormError(errorMessage(e)); },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v: Record<string, string | undefined> = {};
    if (!f.grantee) v.granteeId = "Choose who gets the permission: type part of their name or email.";
    if (!f.action || !choices.some((c) => c.action === f.action)) v.action = "Choose the permission.";
    if (f.reason.trim().length < 5) v.reason = "Explain why (at least 5 characters).";
    if (!(f.durationMinutes >= 1 && f.durationMinutes <= 1440)) v.durationMinutes = "Between 1 and 1440 minutes.";
    setErrors(v);
    setFormError(null);
    if (!Object.values(v).some(Boolean)) create.mutate();
  };
  return (
    <Dialog open={open} onClose={close} title="Grant a permission" description="Grants expire automatically."
      footer={<><button type="button" className="btn-secondary" onClick={close}>Cancel</button><button type="submit" form="grant-form" className="btn-primary" disabled={create.isPending}>Create grant</button></>}>
      <form id="grant-form" onSubmit={submit} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <UserPicker label="Grantee" value={f.grantee} error={errors.granteeId}
          onChange={(grantee) => setF((x) => ({ ...x, grantee, action: "" }))}
          hint={f.grantee?.user ? `${titleCase(f.grantee.user.role)}${f.grantee.user.businessName ? ` at ${f.grantee.user.businessName}` : ""}` : "Search by name or email."} />
        <SelectField label="Permission" value={f.action} error={errors.action} onChange={(e) => setF({ ...f, action: e.target.value })}
          hint={role && !choices.length ? "You can't grant this user any permission." : f.action ? <code>{f.action}</code> : undefined}>
          <option value="">Choose…</option>
          {choices.map((g) => <option key={g.action} value={g.action}>{g.label}</option>)}
        </SelectField>
        <TextArea label="Reason" value={f.reason} error={errors.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} placeholder="Ticket 123: covering for the on-call manager" />
        <TextField label="Duration (minutes)" type="number" min={1} max={1440} value={f.durationMinutes} error={errors.durationMinutes} onChange={(e) => setF({ ...f, durationMinutes: Number(e.target.value) })} />
      </form>
    </Dialog>
  );
}
