import { useState } from "react";
import { z } from "zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { platformApi } from "../../api/platform";
import { PLANS, type DemoResult } from "../../api/types";
import { useConfig } from "../../app/config-context";
import { formatDateTime } from "../../lib/time";
import { required } from "../../lib/validation";
import { Dialog } from "../../ui/Dialog";
import { Alert, titleCase } from "../../ui/feedback";
import { SelectField, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { applyServerError, FormAlert, useAppForm } from "../../ui/form";
import { useToast } from "../../ui/Toast";

/** "Bella's Hair & Nails" → "bellas-hair-nails" (a subdomain suggestion). */
export function slugify(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
}

const empty = { name: "", subdomain: "", plan: "business", ownerEmail: "", ownerName: "" };

const demoSchema = z.object({
  name: required("Name the demo business."),
  subdomain: z.string().trim().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "Lowercase letters, digits and hyphens."),
  plan: z.string(),
  ownerEmail: z.string().trim(),
  ownerName: z.string().trim(),
});

/** Creates a temporary demo business for a prospect; its owner's login is shown once. */
export function DemoDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const cfg = useConfig();
  const form = useAppForm(empty, demoSchema);
  const { errors } = form.formState;
  const [slugTouched, setSlugTouched] = useState(false);
  const [result, setResult] = useState<DemoResult | null>(null);
  const create = useMutation({
    mutationFn: (f: typeof empty) => platformApi.createDemo({
      name: f.name, subdomain: f.subdomain, plan: f.plan,
      ...(f.ownerEmail ? { ownerEmail: f.ownerEmail } : {}), ...(f.ownerName ? { ownerName: f.ownerName } : {}),
    }),
    onSuccess: (r) => { setResult(r); void qc.invalidateQueries({ queryKey: ["platform-businesses"] }); },
    onError: (e) => applyServerError(form, e),
  });
  const close = () => { form.reset(empty); setSlugTouched(false); setResult(null); onClose(); };
  const submit = form.handleSubmit((v) => create.mutate(v));
  const subdomainField = form.register("subdomain");
  const subdomain = form.watch("subdomain");
  return (
    <Dialog open={open} onClose={close} title={result ? "Demo business ready" : "Create a demo business"} size={result ? "lg" : "md"}
      description={result ? undefined : "A temporary business filled with realistic data, for showing SmoothSchedule to a prospect."}
      footer={result ? <button type="button" className="btn-primary" onClick={close}>Done</button> : <>
        <button type="button" className="btn-secondary" onClick={close}>Cancel</button>
        <button type="submit" form="demo-form" className="btn-primary" disabled={create.isPending}>{create.isPending ? "Creating… (a few seconds)" : "Create demo"}</button>
      </>}>
      {result ? <DemoLogins r={result} /> : (
        <form id="demo-form" onSubmit={submit} noValidate className="space-y-4">
          <FormAlert errors={errors} />
          <TextField label="Business name" autoFocus error={errors.name?.message}
            {...form.register("name", { onChange: (e) => { if (!slugTouched) form.setValue("subdomain", slugify(e.target.value)); } })} />
          <TextField label="Address" {...subdomainField} error={errors.subdomain?.message}
            hint={subdomain ? <>The demo opens at <span className="font-mono">{subdomain}.{cfg.baseDomain}</span></> : "The demo's subdomain."}
            onChange={(e) => { setSlugTouched(true); e.target.value = e.target.value.toLowerCase(); return subdomainField.onChange(e); }} />
          <SelectField label="Plan" {...form.register("plan")} error={errors.plan?.message}>
            {PLANS.map((p) => <option key={p} value={p}>{titleCase(p)}</option>)}
          </SelectField>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Owner's email (optional)" type="email" {...form.register("ownerEmail")} error={errors.ownerEmail?.message} placeholder="owner@…demo.example" />
            <TextField label="Owner's name (optional)" {...form.register("ownerName")} error={errors.ownerName?.message} />
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
