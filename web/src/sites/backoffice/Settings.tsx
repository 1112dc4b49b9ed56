import { lazy, Suspense, useEffect, useState, type FormEvent } from "react";
import { NavLink, Route, Routes } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { settingsApi } from "../../api/business";
import { ApiError, errorMessage } from "../../api/client";
import type { BusinessSettings, Me } from "../../api/types";
import { NotFound } from "../../app/NotFound";
import { hasPermission } from "../../auth/session";
import { cx } from "../../ui/cx";
import { validateHexColor } from "../../lib/validation";
import { applyBrand, readableOn } from "../../theme";
import { Alert, ErrorState, SkeletonRows } from "../../ui/feedback";
import { Checkbox, TextField } from "../../ui/Field";
import { Card, PageHeader } from "../../ui/Page";
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

function GeneralSettings() {
  const qc = useQueryClient();
  const toast = useToast();
  const s = useQuery({ queryKey: ["business-settings"], queryFn: settingsApi.get });
  const [f, setF] = useState<BusinessSettings | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => { if (s.data) setF(s.data); }, [s.data]);
  const save = useMutation({
    // Send only what changed: some settings (support access) are the owner's alone.
    mutationFn: () => settingsApi.update(Object.fromEntries(Object.entries(f!).filter(([k, v]) => s.data?.[k as keyof BusinessSettings] !== v))),
    onSuccess: (r) => { toast("Settings saved."); applyBrand(r?.primaryColor ?? f!.primaryColor, r?.secondaryColor ?? f!.secondaryColor); void qc.invalidateQueries({ queryKey: ["business-settings"] }); },
    onError: (e) => { if (e instanceof ApiError) setErrors(e.fieldErrors); setFormError(errorMessage(e)); },
  });
  if (s.isLoading || (!f && !s.isError)) return <SkeletonRows rows={6} />;
  if (s.isError || !f) return <ErrorState error={s.error} onRetry={() => s.refetch()} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = {
      name: f.name.trim() ? undefined : "Enter your business name.",
      primaryColor: validateHexColor(f.primaryColor ?? ""), secondaryColor: validateHexColor(f.secondaryColor ?? ""),
      cancellationWindowHours: f.cancellationWindowHours >= 0 ? undefined : "0 or more hours.",
      lateCancellationFeePercent: f.lateCancellationFeePercent >= 0 && f.lateCancellationFeePercent <= 100 ? undefined : "Between 0 and 100.",
    };
    setErrors(v);
    setFormError(null);
    if (!Object.values(v).some(Boolean)) save.mutate();
  };
  const primary = f.primaryColor || "#4f46e5";
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <PageHeader title="Settings" description="Branding, time zone and booking policies." actions={<button type="submit" className="btn-primary" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save changes"}</button>} />
      {formError && <Alert>{formError}</Alert>}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Business & branding">
          <div className="space-y-4 p-4">
            <TextField label="Business name" value={f.name} error={errors.name} onChange={(e) => setF({ ...f, name: e.target.value })} />
            <div className="grid gap-4 sm:grid-cols-2">
              <ColorField label="Primary colour" value={f.primaryColor ?? ""} error={errors.primaryColor} onChange={(v) => setF({ ...f, primaryColor: v })} />
              <ColorField label="Secondary colour" value={f.secondaryColor ?? ""} error={errors.secondaryColor} onChange={(v) => setF({ ...f, secondaryColor: v })} />
            </div>
            <TextField label="Logo URL" type="url" value={f.logoUrl ?? ""} error={errors.logoUrl} onChange={(e) => setF({ ...f, logoUrl: e.target.value })} hint="A square or wide PNG/SVG, shown on your booking page." />
            <div className="rounded-lg border border-line p-3">
              <p className="mb-2 text-xs font-medium text-muted">Preview</p>
              <div className="flex items-center gap-3">
                {f.logoUrl ? <img src={f.logoUrl} alt="Logo preview" className="h-8 max-w-32 object-contain" /> : null}
                <span className="rounded-lg px-3.5 py-2 text-sm font-medium" style={{ background: primary, color: readableOn(/^#([0-9a-f]{3}){1,2}$/i.test(primary) ? primary : "#4f46e5") }}>Book now</span>
                <span className="h-2 flex-1 rounded-full" style={{ background: `linear-gradient(90deg, ${primary}, ${f.secondaryColor || primary})` }} />
              </div>
            </div>
          </div>
        </Card>
        <Card title="Time & policies">
          <div className="space-y-4 p-4">
            <TimeZoneSelect label="Time zone" value={f.timezone} error={errors.timezone} onChange={(tz) => setF({ ...f, timezone: tz })} />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField label="Free cancellation until (hours before)" type="number" min={0} value={f.cancellationWindowHours} error={errors.cancellationWindowHours} onChange={(e) => setF({ ...f, cancellationWindowHours: Number(e.target.value) })} />
              <TextField label="Late cancellation fee (%)" type="number" min={0} max={100} value={f.lateCancellationFeePercent} error={errors.lateCancellationFeePercent} onChange={(e) => setF({ ...f, lateCancellationFeePercent: Number(e.target.value) })} />
            </div>
            <Checkbox label="Require a payment method to book" checked={f.requirePaymentMethodToBook} onChange={(e) => setF({ ...f, requirePaymentMethodToBook: e.target.checked })} />
            <Checkbox label="Staff can reschedule their own appointments" checked={f.resourcesCanReschedule} onChange={(e) => setF({ ...f, resourcesCanReschedule: e.target.checked })} />
          </div>
        </Card>
      </div>
    </form>
  );
}
