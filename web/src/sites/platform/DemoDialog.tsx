import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, errorMessage } from "../../api/client";
import { platformApi } from "../../api/platform";
import type { DemoResult } from "../../api/types";
import { useConfig } from "../../app/config-context";
import { usePlans } from "../../lib/plans";
import { formatDateTime } from "../../lib/time";
import { Dialog } from "../../ui/Dialog";
import { Alert } from "../../ui/feedback";
import { SelectField, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { useToast } from "../../ui/Toast";

/** "Bella's Hair & Nails" → "bellas-hair-nails" (a subdomain suggestion). */
export function slugify(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
}

const empty = { name: "", subdomain: "", plan: "", ownerEmail: "", ownerName: "" };

/** Creates a temporary demo business for a prospect; its owner's login is shown once. */
export function DemoDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const cfg = useConfig();
  const [f, setF] = useState(empty);
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<DemoResult | null>(null);
  const plans = usePlans();
  const create = useMutation({
    mutationFn: () => platformApi.createDemo({
      name: f.name.trim(), subdomain: f.subdomain.trim(), ...(f.plan ? { plan: f.plan } : {}),
      ...(f.ownerEmail.trim() ? { ownerEmail: f.ownerEmail.trim() } : {}), ...(f.ownerName.trim() ? { ownerName: f.ownerName.trim() } : {}),
    }),
    onSuccess: (r) => { setResult(r); void qc.invalidateQueries({ queryKey: ["platform-businesses"] }); },
    onError: (e) => { if (e instanceof ApiError) setErrors(e.fieldErrors); setFormError(errorMessage(e)); },
  });
  const close = () => { setF(empty); setSlugTouched(false); setErrors({}); setFormError(null); setResult(null); onClose(); };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v: Record<string, string | undefined> = {};
    if (!f.name.trim()) v.name = "Name the demo business.";
    if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(f.subdomain.trim())) v.subdomain = "Lowercase letters, digits and hyphens.";
    setErrors(v);
    setFormError(null);
    if (!Object.values(v).some(Boolean)) create.mutate();
  };
  return (
    <Dialog open={open} onClose={close} title={result ? "Demo business ready" : "Create a demo business"} size={result ? "lg" : "md"}
      description={result ? undefined : "A temporary business filled with realistic data, for showing SmoothSchedule to a prospect."}
      footer={result ? <button type="button" className="btn-primary" onClick={close}>Done</button> : <>
        <button type="button" className="btn-secondary" onClick={close}>Cancel</button>
        <button type="submit" form="demo-form" className="btn-primary" disabled={create.isPending}>{create.isPending ? "Creating… (a few seconds)" : "Create demo"}</button>
      </>}>
      {result ? <DemoLogins r={result} /> : (
        <form id="demo-form" onSubmit={submit} noValidate className="space-y-4">
          {formError && <Alert>{formError}</Alert>}
          <TextField label="Business name" value={f.name} error={errors.name} autoFocus
            onChange={(e) => setF({ ...f, name: e.target.value, subdomain: slugTouched ? f.subdomain : slugify(e.target.value) })} />
          <TextField label="Address" value={f.subdomain} error={errors.subdomain}
            hint={f.subdomain ? <>The demo opens at <span className="font-mono">{f.subdomain}.{cfg.baseDomain}</span></> : "The demo's subdomain."}
            onChange={(e) => { setSlugTouched(true); setF({ ...f, subdomain: e.target.value.toLowerCase() }); }} />
          <SelectField label="Plan" value={f.plan} error={errors.plan} onChange={(e) => setF({ ...f, plan: e.target.value })}>
            <option value="">Default</option>
            {plans.map((p) => <option key={p.key} value={p.key}>{p.name}</option>)}
          </SelectField>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Owner's email (optional)" type="email" value={f.ownerEmail} error={errors.ownerEmail} onChange={(e) => setF({ ...f, ownerEmail: e.target.value })} placeholder="owner@…demo.example" />
            <TextField label="Owner's name (optional)" value={f.ownerName} error={errors.ownerName} onChange={(e) => setF({ ...f, ownerName: e.target.value })} />
          </div>
        </form>
      )}
    </Dialog>
  );
}

function DemoLogins({ r }: { r: DemoResult }) {
  const toast = useToast();
  const copy = (label: string, v: string) => {
    void navigator.clipboard?.writeText(v).then(() => toast(`${label} copied.`), () => toast("Copy it by hand; the browser refused.", "error"));
  };
  const rows: [string, string][] = [["Sign-in address", r.loginUrl], ["Email", r.ownerEmail], ["Password", r.ownerPassword]];
  return (
    <div className="space-y-4">
      <Alert tone="warning" title="Copy the password now">It is shown only this once. {r.expiresAt ? `The demo is deleted ${formatDateTime(Date.parse(r.expiresAt), Intl.DateTimeFormat().resolvedOptions().timeZone)}.` : ""}</Alert>
      <dl className="divide-y divide-line rounded-lg border border-line">
        {rows.map(([k, v]) => (
          <div key={k} className="flex items-center gap-3 px-3 py-2.5">
            <dt className="w-32 shrink-0 text-sm text-muted">{k}</dt>
            <dd className="min-w-0 flex-1 font-mono text-sm [overflow-wrap:anywhere]" aria-label={k}>{v}</dd>
            <button type="button" className="btn-ghost shrink-0 p-1.5" onClick={() => copy(k, v)} aria-label={`Copy ${k.toLowerCase()}`}><Icon name="copy" /></button>
          </div>
        ))}
      </dl>
      <a className="btn-secondary" href={r.loginUrl} target="_blank" rel="noreferrer"><Icon name="globe" /> Open the demo ↗</a>
    </div>
  );
}
