import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { domainsApi } from "../../api/business";
import { ApiError, errorMessage } from "../../api/client";
import type { BusinessDomain, DNSRecord } from "../../api/types";
import { ConfirmDialog } from "../../ui/Dialog";
import { Alert, Badge, ErrorState, SkeletonRows, titleCase } from "../../ui/feedback";
import { TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card } from "../../ui/Page";
import { useToast } from "../../ui/Toast";

/**
 * Settings → Domains: the business's own subdomain and its custom domains,
 * with the DNS records to create, verification and removal. Without the
 * plan feature the server answers 403 with `upgradeTo`: the card becomes
 * an upsell instead.
 */
export default function DomainsCard() {
  const qc = useQueryClient();
  const toast = useToast();
  const list = useQuery({ queryKey: ["business-domains"], queryFn: domainsApi.list, retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2 });
  const [domain, setDomain] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [verifyError, setVerifyError] = useState<Record<string, string>>({});
  const [removing, setRemoving] = useState<BusinessDomain | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ["business-domains"] });

  const add = useMutation({
    mutationFn: (d: string) => domainsApi.add(d),
    onSuccess: (d) => { toast(`${d.domain} added. Create its DNS records, then verify.`); setDomain(""); setFieldError(undefined); refresh(); },
    onError: (e) => setFieldError(e instanceof ApiError ? e.fieldErrors.domain ?? errorMessage(e) : errorMessage(e)),
  });
  const verify = useMutation({
    mutationFn: (d: string) => domainsApi.verify(d),
    onMutate: (d) => setVerifyError((v) => ({ ...v, [d]: "" })),
    onSuccess: (d) => { toast(`${d.domain} is verified and now opens your booking site.`); refresh(); },
    onError: (e, d) => setVerifyError((v) => ({ ...v, [d]: errorMessage(e) })),
  });
  const remove = useMutation({
    mutationFn: (d: BusinessDomain) => domainsApi.remove(d.domain),
    onSuccess: (_, d) => { toast(`${d.domain} removed.`); setRemoving(null); refresh(); },
    onError: (e) => { toast(errorMessage(e), "error"); setRemoving(null); },
  });

  if (list.isLoading) return <Card title="Domains"><div className="p-4"><SkeletonRows rows={2} /></div></Card>;
  if (list.error instanceof ApiError && list.error.status === 403 && list.error.problem.feature === "customDomain") {
    const up = typeof list.error.problem.upgradeTo === "string" ? titleCase(list.error.problem.upgradeTo) : null;
    return (
      <Card title="Domains">
        <div className="space-y-2 p-4 text-sm" data-testid="domains-upsell">
          <p className="font-medium">Use your own domain, like booking.yourbusiness.com</p>
          <p className="text-muted">{up ? `Custom domains come with the ${up} plan. Contact us to upgrade.` : list.error.message}</p>
        </div>
      </Card>
    );
  }
  if (list.isError || !list.data) return <Card title="Domains"><ErrorState error={list.error} onRetry={() => list.refetch()} /></Card>;

  const domains = list.data.results ?? [];
  const custom = domains.filter((d) => d.isCustom);
  const full = custom.length >= list.data.maxCustomDomains;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const d = domain.trim();
    if (!d) { setFieldError("Enter a domain, like booking.example.com."); return; }
    if (/^[a-z]+:\/\//i.test(d)) { setFieldError("Enter the domain only, without https://."); return; }
    add.mutate(d);
  };
  return (
    <Card title="Domains">
      <div className="space-y-4 p-4">
        <ul className="divide-y divide-line rounded-lg border border-line" aria-label="Domains">
          {domains.map((d) => (
            <li key={d.domain} className="space-y-3 p-3" data-domain={d.domain}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="break-all font-mono text-sm">{d.domain}</span>
                {d.isPrimary && <Badge tone="brand">Primary</Badge>}
                {d.status === "verified" ? <Badge tone="green">Verified</Badge> : <Badge tone="amber">Pending verification</Badge>}
                {d.isCustom && (
                  <span className="ml-auto flex gap-2">
                    {d.status === "pending" && (
                      <button type="button" className="btn-secondary py-1" disabled={verify.isPending && verify.variables === d.domain} onClick={() => verify.mutate(d.domain)}>
                        {verify.isPending && verify.variables === d.domain ? "Checking…" : "Verify"}
                      </button>
                    )}
                    <button type="button" className="btn-ghost py-1 text-red-600 dark:text-red-400" onClick={() => setRemoving(d)} aria-label={`Remove ${d.domain}`}><Icon name="trash" /> Remove</button>
                  </span>
                )}
              </div>
              {!d.isCustom && <p className="text-xs text-muted">Your address on SmoothSchedule. It always works.</p>}
              {d.isCustom && d.status === "pending" && d.verification && (
                <div className="space-y-2">
                  <p className="text-sm text-muted">Create these records at your DNS provider, then press Verify. DNS changes can take up to an hour to appear. For a bare domain (example.com) use your provider's ALIAS or ANAME record instead of CNAME.</p>
                  <Records records={[d.verification, ...(d.routing ? [d.routing] : [])]} />
                  {verifyError[d.domain] && <Alert title="Not verified yet">{verifyError[d.domain]}</Alert>}
                </div>
              )}
            </li>
          ))}
        </ul>
        <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-2">
          <div className="min-w-64 flex-1">
            <TextField label="Add a custom domain" placeholder="booking.example.com" value={domain} error={fieldError} disabled={full}
              hint={full ? `You have the maximum of ${list.data.maxCustomDomains} custom domains.` : "A domain you own. Visitors reach your booking site there once it is verified."}
              onChange={(e) => { setDomain(e.target.value); setFieldError(undefined); }} />
          </div>
          <button type="submit" className="btn-primary mt-6" disabled={add.isPending || full}>{add.isPending ? "Adding…" : "Add domain"}</button>
        </form>
      </div>
      <ConfirmDialog open={!!removing} onClose={() => setRemoving(null)} onConfirm={() => removing && remove.mutate(removing)} danger busy={remove.isPending}
        title={`Remove ${removing?.domain ?? ""}?`} confirmLabel="Remove domain">
        Visitors to {removing?.domain} will no longer reach your booking site. Your SmoothSchedule address keeps working. You can add the domain again later, but it must be verified again.
      </ConfirmDialog>
    </Card>
  );
}

function Records({ records }: { records: DNSRecord[] }) {
  const toast = useToast();
  const copy = (label: string, v: string) => {
    void navigator.clipboard?.writeText(v).then(() => toast(`${label} copied.`), () => toast("Copy it by hand; the browser refused.", "error"));
  };
  return (
    <dl className="divide-y divide-line rounded-lg border border-line text-sm">
      {records.map((r) => (
        <div key={r.type} className="space-y-1 px-3 py-2">
          <dt className="text-xs font-medium text-muted">{r.type === "TXT" ? "TXT record (proves the domain is yours)" : "CNAME record (sends visitors to us)"}</dt>
          {([["Name", r.name], ["Value", r.value]] as const).map(([k, v]) => (
            <dd key={k} className="flex items-center gap-2">
              <span className="w-12 shrink-0 text-xs text-muted">{k}</span>
              <span className="min-w-0 flex-1 break-all font-mono" aria-label={`${r.type} ${k.toLowerCase()}`}>{v}</span>
              <button type="button" className="btn-ghost shrink-0 p-1.5" onClick={() => copy(`${r.type} ${k.toLowerCase()}`, v)} aria-label={`Copy ${r.type} ${k.toLowerCase()}`}><Icon name="copy" /></button>
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}
