import { useEffect, useState } from "react";
import { Controller } from "react-hook-form";
import { useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "../../api/client";
import { businessInvitationApi } from "../../api/platform";
import { useConfig } from "../../app/config-context";
import { AuthLayout } from "../../auth/AuthPages";
import { businessAcceptSchema, suggestSubdomain } from "../../lib/validation";
import { Alert, Skeleton, Spinner, titleCase } from "../../ui/feedback";
import { TextField } from "../../ui/Field";
import { applyServerError, FormAlert, useAppForm } from "../../ui/form";
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
  const form = useAppForm({ subdomain: "", name: "", timezone: browserZone(), password: "", confirm: "" }, businessAcceptSchema);
  const { errors, isSubmitting } = form.formState;
  const [touchedSub, setTouchedSub] = useState(false);
  // A failed request lets the person try again; a successful one leaves the page, so the button stays busy.
  const [leaving, setLeaving] = useState(false);
  const { setValue } = form;
  useEffect(() => {
    if (inv.data && !touchedSub) setValue("subdomain", suggestSubdomain(inv.data.businessName));
  }, [inv.data, touchedSub, setValue]);
  const submit = form.handleSubmit(async (v) => {
    try {
      const r = await businessInvitationApi.accept({ token, subdomain: v.subdomain, name: v.name, password: v.password, timezone: v.timezone });
      setLeaving(true);
      window.location.assign(r.redirectUrl);
    } catch (e) { applyServerError(form, e); }
  });
  const busy = isSubmitting || leaving;
  const sub = form.register("subdomain");
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
        <FormAlert errors={errors} />
        <TextField label="Email" value={inv.data?.email ?? ""} readOnly disabled />
        <div>
          <label htmlFor="biz-sub" className="label">Business address</label>
          <div className="flex items-center rounded-lg border border-line bg-surface focus-within:ring-2 focus-within:ring-ring">
            <input id="biz-sub" className="min-w-0 flex-1 bg-transparent px-3 py-2 text-sm outline-none" {...sub} autoCapitalize="off" spellCheck={false}
              aria-invalid={!!errors.subdomain} aria-describedby={errors.subdomain ? "biz-sub-err" : "biz-sub-hint"}
              onChange={(e) => { setTouchedSub(true); e.target.value = e.target.value.toLowerCase(); return sub.onChange(e); }} />
            <span className="pr-3 text-sm text-muted">.{cfg.baseDomain}</span>
          </div>
          {errors.subdomain ? <p id="biz-sub-err" className="mt-1 text-sm text-red-600 dark:text-red-400">{errors.subdomain.message}</p>
            : <p id="biz-sub-hint" className="mt-1 text-xs text-muted">Where your customers book. You can add your own domain later.</p>}
        </div>
        <TextField label="Your name" autoComplete="name" {...form.register("name")} error={errors.name?.message} />
        <Controller control={form.control} name="timezone" render={({ field }) => (
          <TimeZoneSelect label="Time zone" value={field.value} onChange={field.onChange} error={errors.timezone?.message} />
        )} />
        <TextField label="Password" type="password" autoComplete="new-password" {...form.register("password")} error={errors.password?.message} hint="At least 10 characters." />
        <TextField label="Confirm password" type="password" autoComplete="new-password" {...form.register("confirm")} error={errors.confirm?.message} />
        <button type="submit" className="btn-primary w-full py-2.5" disabled={busy || inv.isLoading}>{busy && <Spinner />} Create business</button>
      </form>
    </AuthLayout>
  );
}
