import { useEffect, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { ApiError, errorMessage } from "../../api/client";
import { businessInvitationApi } from "../../api/platform";
import { useConfig } from "../../app/config-context";
import { AuthLayout } from "../../auth/AuthPages";
import { isEmpty, suggestSubdomain, validateBusinessAccept } from "../../lib/validation";
import { Alert, Skeleton, Spinner, titleCase } from "../../ui/feedback";
import { TextField } from "../../ui/Field";
import { TimeZoneSelect } from "../backoffice/TimeZoneSelect";

const browserZone = () => {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; } catch { return "UTC"; }
};

/** /accept-business-invitation?token=… on the apex host: the invited owner opens their business. */
export default function AcceptBusinessInvitationPage() {
  const cfg = useConfig();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const inv = useQuery({ queryKey: ["business-invitation", token], queryFn: () => businessInvitationApi.lookup(token), enabled: !!token, retry: false });
  const [f, setF] = useState({ subdomain: "", name: "", timezone: browserZone(), password: "", confirm: "" });
  const [touchedSub, setTouchedSub] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (inv.data && !touchedSub) setF((x) => ({ ...x, subdomain: suggestSubdomain(inv.data.businessName) }));
  }, [inv.data, touchedSub]);
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const v = validateBusinessAccept(f);
    setErrors(v);
    setFormError(null);
    if (!isEmpty(v)) return;
    setBusy(true);
    try {
      const r = await businessInvitationApi.accept({ token, subdomain: f.subdomain.trim(), name: f.name.trim(), password: f.password, timezone: f.timezone });
      window.location.assign(r.redirectUrl);
    } catch (e) {
      if (e instanceof ApiError) { setErrors(e.fieldErrors); setFormError(e.message); } else setFormError(errorMessage(e));
      setBusy(false);
    }
  };
  if (!token || inv.isError) {
    return (
      <AuthLayout title="Invitation not valid">
        <Alert>{token ? errorMessage(inv.error) : "This page needs the link from your invitation email."} Ask the SmoothSchedule team for a new invitation.</Alert>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Open your business"
      subtitle={inv.data ? <>Set up <strong>{inv.data.businessName}</strong> on the {titleCase(inv.data.tier)} plan.</> : <Skeleton className="h-4 w-48" />}>
      <form onSubmit={submit} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Email" value={inv.data?.email ?? ""} readOnly disabled />
        <div>
          <label htmlFor="biz-sub" className="label">Business address</label>
          <div className="flex items-center rounded-lg border border-line bg-surface focus-within:ring-2 focus-within:ring-ring">
            <input id="biz-sub" className="min-w-0 flex-1 bg-transparent px-3 py-2 text-sm outline-none" value={f.subdomain} autoCapitalize="off" spellCheck={false}
              aria-invalid={!!errors.subdomain} aria-describedby={errors.subdomain ? "biz-sub-err" : "biz-sub-hint"}
              onChange={(e) => { setTouchedSub(true); set({ subdomain: e.target.value.toLowerCase() }); }} />
            <span className="pr-3 text-sm text-muted">.{cfg.baseDomain}</span>
          </div>
          {errors.subdomain ? <p id="biz-sub-err" className="mt-1 text-sm text-red-600 dark:text-red-400">{errors.subdomain}</p>
            : <p id="biz-sub-hint" className="mt-1 text-xs text-muted">Where your customers book. You can add your own domain later.</p>}
        </div>
        <TextField label="Your name" autoComplete="name" value={f.name} onChange={(e) => set({ name: e.target.value })} error={errors.name} />
        <TimeZoneSelect label="Time zone" value={f.timezone} onChange={(timezone) => set({ timezone })} error={errors.timezone} />
        <TextField label="Password" type="password" autoComplete="new-password" value={f.password} onChange={(e) => set({ password: e.target.value })} error={errors.password} hint="At least 10 characters." />
        <TextField label="Confirm password" type="password" autoComplete="new-password" value={f.confirm} onChange={(e) => set({ confirm: e.target.value })} error={errors.confirm} />
        <button type="submit" className="btn-primary w-full py-2.5" disabled={busy || inv.isLoading}>{busy && <Spinner />} Create business</button>
      </form>
    </AuthLayout>
  );
}
