import { lazy, Suspense, useEffect } from "react";
import { Controller } from "react-hook-form";
import { NavLink, Route, Routes } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { settingsApi } from "../../api/business";
import type { BusinessSettings, Me } from "../../api/types";
import { NotFound } from "../../app/NotFound";
import { hasPermission } from "../../auth/session";
import { cx } from "../../ui/cx";
import { fromErrors, validateHexColor } from "../../lib/validation";
import { applyBrand, readableOn } from "../../theme";
import { ErrorState, SkeletonRows } from "../../ui/feedback";
import { Checkbox, TextField } from "../../ui/Field";
import { Card, PageHeader } from "../../ui/Page";
import { applyServerError, FormAlert, useAppForm } from "../../ui/form";
import { useToast } from "../../ui/Toast";
import { TimeZoneSelect } from "./TimeZoneSelect";

const Security = lazy(() => import("./Security"));
const DomainsCard = lazy(() => import("./SettingsDomains"));

function ColorField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  const id = label.replace(/\s/g, "-").toLowerCase();
  return (
    <div>
      <label className="label" htmlFor={id}>{label}</label>
      <div className="flex items-center gap-2">
        <input type="color" aria-label={`${label} picker`} value={/^#[0-9a-f]{6}$/i.test(value) ? value : "#4f46e5"} onChange={(e) => onChange(e.target.value)} className="h-9 w-12 cursor-pointer rounded border border-line bg-surface" />
        <input id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} />
      </div>
      {error && <p className="mt-1 text-sm text-red-600 dark:text-red-400">{error}</p>}
    </div>
  );
}

/** Settings: the business's general settings and, for the owner, Security (support access, access transparency). */
export default function Settings({ me }: { me: Me }) {
  const security = hasPermission(me, "support.approve") || hasPermission(me, "audit.own");
  const tab = ({ isActive }: { isActive: boolean }) => cx("-mb-px border-b-2 px-3 py-2 text-sm font-medium",
    isActive ? "border-brand text-brand" : "border-transparent text-muted hover:text-fg");
  return (
    <div>
      {security && (
        <nav aria-label="Settings sections" className="mb-6 flex gap-2 border-b border-line">
          <NavLink to="/settings" end className={tab}>General</NavLink>
          <NavLink to="/settings/security" className={tab}>Security</NavLink>
        </nav>
      )}
      <Routes>
        <Route index element={<>
          <GeneralSettings />
          {hasPermission(me, "settings.write") && <div className="mt-6"><Suspense fallback={<SkeletonRows rows={2} />}><DomainsCard /></Suspense></div>}
        </>} />
        {security && <Route path="security" element={<Suspense fallback={<SkeletonRows rows={6} />}><Security me={me} /></Suspense>} />}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}

/** The checks the server makes too; every other setting passes unchanged. */
const settingsSchema = fromErrors<BusinessSettings>((f) => ({
  ...(f.name.trim() ? {} : { name: "Enter your business name." }),
  primaryColor: validateHexColor(f.primaryColor ?? ""), secondaryColor: validateHexColor(f.secondaryColor ?? ""),
  ...(f.cancellationWindowHours >= 0 ? {} : { cancellationWindowHours: "0 or more hours." }),
  ...(f.lateCancellationFeePercent >= 0 && f.lateCancellationFeePercent <= 100 ? {} : { lateCancellationFeePercent: "Between 0 and 100." }),
}));
const asNumber = { setValueAs: (v: unknown) => Number(v) };

function GeneralSettings() {
  const s = useQuery({ queryKey: ["business-settings"], queryFn: settingsApi.get });
  if (s.isLoading) return <SkeletonRows rows={6} />;
  if (s.isError || !s.data) return <ErrorState error={s.error} onRetry={() => s.refetch()} />;
  return <SettingsForm saved={s.data} />;
}

function SettingsForm({ saved }: { saved: BusinessSettings }) {
  const qc = useQueryClient();
  const toast = useToast();
  const form = useAppForm<BusinessSettings>(saved, settingsSchema);
  const { errors } = form.formState;
  const { reset } = form;
  useEffect(() => { reset(saved); }, [saved, reset]);
  const save = useMutation({
    // Send only what changed: some settings (support access) are the owner's alone.
    mutationFn: (f: BusinessSettings) => settingsApi.update(Object.fromEntries(Object.entries(f).filter(([k, v]) => saved[k as keyof BusinessSettings] !== v))),
    onSuccess: (r, f) => { toast("Settings saved."); applyBrand(r?.primaryColor ?? f.primaryColor, r?.secondaryColor ?? f.secondaryColor); void qc.invalidateQueries({ queryKey: ["business-settings"] }); },
    onError: (e) => applyServerError(form, e),
  });
  const submit = form.handleSubmit((v) => save.mutate(v));
  const [primaryColor, secondaryColor, logoUrl] = form.watch(["primaryColor", "secondaryColor", "logoUrl"]);
  const primary = primaryColor || "#4f46e5";
  const color = (name: "primaryColor" | "secondaryColor", label: string) => (
    <Controller control={form.control} name={name} render={({ field }) => (
      <ColorField label={label} value={field.value ?? ""} error={errors[name]?.message} onChange={field.onChange} />
    )} />
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <PageHeader title="Settings" description="Branding, time zone and booking policies." actions={<button type="submit" className="btn-primary" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save changes"}</button>} />
      <FormAlert errors={errors} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Business & branding">
          <div className="space-y-4 p-4">
            <TextField label="Business name" {...form.register("name")} error={errors.name?.message} />
            <div className="grid gap-4 sm:grid-cols-2">
              {color("primaryColor", "Primary colour")}
              {color("secondaryColor", "Secondary colour")}
            </div>
            <TextField label="Logo URL" type="url" {...form.register("logoUrl")} error={errors.logoUrl?.message} hint="A square or wide PNG/SVG, shown on your booking page." />
            <div className="rounded-lg border border-line p-3">
              <p className="mb-2 text-xs font-medium text-muted">Preview</p>
              <div className="flex items-center gap-3">
                {logoUrl ? <img src={logoUrl} alt="Logo preview" className="h-8 max-w-32 object-contain" /> : null}
                <span className="rounded-lg px-3.5 py-2 text-sm font-medium" style={{ background: primary, color: readableOn(/^#([0-9a-f]{3}){1,2}$/i.test(primary) ? primary : "#4f46e5") }}>Book now</span>
                <span className="h-2 flex-1 rounded-full" style={{ background: `linear-gradient(90deg, ${primary}, ${secondaryColor || primary})` }} />
              </div>
            </div>
          </div>
        </Card>
        <Card title="Time & policies">
          <div className="space-y-4 p-4">
            <Controller control={form.control} name="timezone" render={({ field }) => (
              <TimeZoneSelect label="Time zone" value={field.value} error={errors.timezone?.message} onChange={field.onChange} />
            )} />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField label="Free cancellation until (hours before)" type="number" min={0} {...form.register("cancellationWindowHours", asNumber)} error={errors.cancellationWindowHours?.message} />
              <TextField label="Late cancellation fee (%)" type="number" min={0} max={100} {...form.register("lateCancellationFeePercent", asNumber)} error={errors.lateCancellationFeePercent?.message} />
            </div>
            <Checkbox label="Require a payment method to book" {...form.register("requirePaymentMethodToBook")} />
            <Checkbox label="Staff can reschedule their own appointments" {...form.register("resourcesCanReschedule")} />
          </div>
        </Card>
      </div>
    </form>
  );
}
