import { useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { supportAccessApi, tenantAuditApi } from "../../api/business";
import { errorMessage, resultsOf } from "../../api/client";
import type { AuditEvent, Me, SupportApproval } from "../../api/types";
import { useTenantTz } from "../../app/config-context";
import { hasPermission } from "../../auth/session";
import { AUDIT_FILTERS, auditCategory, describeAudit } from "../../lib/audit";
import { formatDateTime, relativeFromNow } from "../../lib/time";
import { cx } from "../../ui/cx";
import { ConfirmDialog, Dialog } from "../../ui/Dialog";
import { Badge, ErrorState, Skeleton, type BadgeTone } from "../../ui/feedback";
import { SelectField, TextArea, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Pager, Table } from "../../ui/Table";
import { applyServerError, FormAlert, useAppForm } from "../../ui/form";
import { useToast } from "../../ui/Toast";

const PAGE = 25;

export default function Security({ me }: { me: Me }) {
  return (
    <div className="space-y-6">
      <PageHeader title="Security" description="Who from SmoothSchedule may act as your users, and a record of every time someone did." />
      {hasPermission(me, "support.approve") && <SupportAccess />}
      {hasPermission(me, "audit.own") && <AccessTransparency me={me} />}
    </div>
  );
}

const approvalTone: Record<string, BadgeTone> = { active: "green", expired: "gray", revoked: "red" };
const DURATIONS = [[60, "1 hour"], [240, "4 hours"], [1440, "1 day"], [4320, "3 days"], [10080, "7 days"]] as const;

function SupportAccess() {
  const qc = useQueryClient();
  const toast = useToast();
  const tz = useTenantTz();
  const policy = useQuery({ queryKey: ["support-policy"], queryFn: supportAccessApi.policy });
  const approvals = useQuery({ queryKey: ["support-approvals"], queryFn: supportAccessApi.list, select: (v) => resultsOf<SupportApproval>(v) });
  const [approving, setApproving] = useState(false);
  const [revoking, setRevoking] = useState<SupportApproval | null>(null);
  const setPolicy = useMutation({
    mutationFn: supportAccessApi.setPolicy,
    onSuccess: (r, on) => {
      qc.setQueryData(["support-policy"], r ?? { platformApprovalRequired: on });
      void qc.invalidateQueries({ queryKey: ["business-settings"] });
      void qc.invalidateQueries({ queryKey: ["tenant-audit"] });
      toast(on ? "Support now needs your approval to act as your users." : "Support can act as your users without asking first.");
    },
    onError: (e) => toast(errorMessage(e), "error"),
  });
  const revoke = useMutation({
    mutationFn: (a: SupportApproval) => supportAccessApi.revoke(a.id),
    onSuccess: () => { toast("Support access ended."); setRevoking(null); void qc.invalidateQueries({ queryKey: ["support-approvals"] }); void qc.invalidateQueries({ queryKey: ["tenant-audit"] }); },
    onError: (e) => { toast(errorMessage(e), "error"); setRevoking(null); },
  });
  const required = policy.data?.platformApprovalRequired ?? false;
  const active = (approvals.data ?? []).filter((a) => a.status === "active");
  const past = (approvals.data ?? []).filter((a) => a.status !== "active").slice(0, 5);
  return (
    <Card title="Support access" actions={required && <button type="button" className="btn-secondary py-1" onClick={() => setApproving(true)}><Icon name="check" /> Approve access</button>}>
      <div className="space-y-4 p-4">
        {policy.isLoading ? <Skeleton className="h-12" /> : policy.isError ? <ErrorState error={policy.error} onRetry={() => policy.refetch()} /> : (
          <div className="flex items-start justify-between gap-4">
            <div>
              <p id="policy-label" className="text-sm font-medium">Require my approval before support acts as my users</p>
              <p id="policy-hint" className="mt-0.5 text-sm text-muted">
                {required
                  ? "SmoothSchedule support can sign in as your users only while an approval below is active."
                  : "SmoothSchedule support can sign in as your users to help with a ticket. Every time is recorded below."}
              </p>
            </div>
            <button type="button" role="switch" aria-checked={required} aria-labelledby="policy-label" aria-describedby="policy-hint"
              disabled={setPolicy.isPending} onClick={() => setPolicy.mutate(!required)}
              className={cx("relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:opacity-60",
                required ? "bg-brand" : "bg-slate-300 dark:bg-slate-600")}>
              <span aria-hidden="true" className={cx("inline-block h-5 w-5 rounded-full bg-white shadow transition-transform", required ? "translate-x-[22px]" : "translate-x-0.5")} />
            </button>
          </div>
        )}
        {approvals.isError ? <ErrorState error={approvals.error} onRetry={() => approvals.refetch()} /> : approvals.isLoading ? <Skeleton className="h-10" /> : (
          (required || active.length > 0 || past.length > 0) && (
            <div className="rounded-lg border border-line">
              {active.length === 0 && required && (
                <p className="px-3 py-3 text-sm text-muted">No approval is active: support cannot act as your users. Approve access when support asks you to.</p>
              )}
              <ul className="divide-y divide-line">
                {[...active, ...past].map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5 text-sm">
                    <Badge tone={approvalTone[a.status] ?? "gray"}>{a.status}</Badge>
                    <span className="min-w-0 flex-1">
                      {a.reason || "No reason given"}
                      <span className="block text-xs text-muted">{a.approvedUserEmail ? `For ${a.approvedUserEmail}` : "For the whole support team"}</span>
                      <span className="block text-xs text-muted">
                        {a.status === "active" ? `Ends ${relativeFromNow(Date.parse(a.expiresAt))}` : a.revokedAt ? `Ended ${formatDateTime(Date.parse(a.revokedAt), tz)}` : `Expired ${formatDateTime(Date.parse(a.expiresAt), tz)}`}
                      </span>
                    </span>
                    {a.status === "active" && <button type="button" className="btn-ghost py-1 text-red-600 dark:text-red-400" onClick={() => setRevoking(a)}>End now</button>}
                  </li>
                ))}
              </ul>
            </div>
          )
        )}
      </div>
      <ApproveDialog open={approving} onClose={() => setApproving(false)} />
      <ConfirmDialog open={!!revoking} onClose={() => setRevoking(null)} onConfirm={() => revoking && revoke.mutate(revoking)} busy={revoke.isPending} danger
        title="End support access now?" confirmLabel="End access">
        Support staff acting as your users are stopped at once and cannot start again until you approve access.
      </ConfirmDialog>
    </Card>
  );
}

function ApproveDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const form = useAppForm({ supportEmail: "", durationMinutes: 60, reason: "" });
  const { errors } = form.formState;
  const approve = useMutation({
    mutationFn: (f: { supportEmail: string; durationMinutes: number; reason: string }) =>
      supportAccessApi.approve({ supportEmail: f.supportEmail.trim(), durationMinutes: f.durationMinutes, reason: f.reason.trim() }),
    onSuccess: () => {
      toast("Support access approved.");
      form.reset({ ...form.getValues(), supportEmail: "", reason: "" });
      void qc.invalidateQueries({ queryKey: ["support-approvals"] });
      void qc.invalidateQueries({ queryKey: ["tenant-audit"] });
      onClose();
    },
    onError: (e) => applyServerError(form, e),
  });
  // The server checks the email and the reason.
  const submit = form.handleSubmit((v) => approve.mutate(v));
  return (
    <Dialog open={open} onClose={onClose} size="sm" title="Approve support access" description="The support person you name can act as your users until the approval ends or you end it. Nobody else on the support team can."
      footer={<><button type="button" className="btn-secondary" onClick={onClose}>Cancel</button>
        <button type="submit" form="approve-form" className="btn-primary" disabled={approve.isPending}>Approve</button></>}>
      <form id="approve-form" onSubmit={submit} noValidate className="space-y-4">
        <FormAlert errors={errors} />
        <TextField label="Support person's email" type="email" autoComplete="off" required {...form.register("supportEmail")} error={errors.supportEmail?.message}
          hint="Ask the person helping you for the email they work under." placeholder="jane@support.example" />
        <SelectField label="For" {...form.register("durationMinutes", { setValueAs: (v) => Number(v) })} error={errors.durationMinutes?.message}>
          {DURATIONS.map(([m, l]) => <option key={m} value={m}>{l}</option>)}
        </SelectField>
        <TextArea label="Reason" required {...form.register("reason")} error={errors.reason?.message} placeholder="Ticket 42: the calendar shows the wrong week" />
      </form>
    </Dialog>
  );
}

const catTone: Record<string, BadgeTone> = { masquerade: "amber", grant: "violet", approval: "blue", other: "gray" };
const catLabel: Record<string, string> = { masquerade: "Acted as", grant: "Grant", approval: "Approval", other: "Event" };

function AccessTransparency({ me }: { me: Me }) {
  const tz = useTenantTz();
  const [filter, setFilter] = useState("all");
  const [page, setPage] = useState(1);
  const actions = AUDIT_FILTERS.find((f) => f.key === filter)?.actions ?? "";
  const list = useQuery({
    queryKey: ["tenant-audit", actions, page],
    queryFn: () => tenantAuditApi.list({ action: actions || undefined, page, page_size: PAGE }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="Access transparency">
      <div className="border-b border-line px-4 py-3">
        <p className="text-sm text-muted">Every time SmoothSchedule staff acted as one of your users, and every permission granted in your business. Records can't be changed or deleted.</p>
        <div role="tablist" aria-label="Show" className="mt-3 inline-flex flex-wrap gap-1 rounded-lg border border-line p-0.5">
          {AUDIT_FILTERS.map((f) => (
            <button key={f.key} type="button" role="tab" aria-selected={filter === f.key} onClick={() => { setFilter(f.key); setPage(1); }}
              className={cx("rounded-md px-3 py-1 text-sm font-medium", filter === f.key ? "bg-brand text-brand-fg" : "text-muted hover:text-fg")}>{f.label}</button>
          ))}
        </div>
      </div>
      <Table caption="Access transparency log" rows={list.data?.results} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()}
        empty={{ icon: "shield", title: filter === "all" ? "Nobody has accessed your business" : "Nothing of this kind yet", body: "When SmoothSchedule support acts as one of your users, or a permission is granted, it shows here." }}
        columns={[
          { key: "when", header: "When", className: "whitespace-nowrap align-top",
            cell: (e: AuditEvent) => <time dateTime={e.createdAt} title={new Date(e.createdAt).toISOString()}>{formatDateTime(Date.parse(e.createdAt), tz)}</time> },
          { key: "what", header: "What happened", className: "align-top", cell: (e) => {
            const c = auditCategory(e.action);
            return (
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={e.action.endsWith("DENIED") ? "red" : catTone[c]}>{catLabel[c]}</Badge>
                  <span className="font-medium">{describeAudit(e, me.email)}</span>
                </div>
                {e.reason && <p className="mt-1 text-sm text-muted">“{e.reason}”</p>}
              </div>
            );
          } },
          { key: "ip", header: "From", className: "align-top", hideOnMobile: true, cell: (e) => <span className="tabular-nums text-muted">{e.ipAddress || "—"}</span> },
        ]} />
      <Pager page={page} count={list.data?.count ?? 0} pageSize={PAGE} onPage={setPage} />
    </Card>
  );
}
