import { useEffect, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { errorMessage, resultsOf } from "../../api/client";
import { platformApi } from "../../api/platform";
import type { PlanInfo } from "../../api/types";
import { Alert, EmptyState, ErrorState, Skeleton } from "../../ui/feedback";
import { Card, PageHeader } from "../../ui/Page";
import { useToast } from "../../ui/Toast";
import { formatMoney } from "../booking/policy";
import { humanizeKey } from "../../lib/labels";

export default function Plans() {
  const plans = useQuery({ queryKey: ["platform-plans"], queryFn: platformApi.plans, select: (v) => resultsOf<PlanInfo>(v) });
  const settings = useQuery({ queryKey: ["platform-settings"], queryFn: platformApi.settings, retry: false });
  return (
    <div className="space-y-6">
      <PageHeader title="Plans & settings" description="Tiers, their limits, and platform-wide settings." />
      {plans.isLoading ? <div className="grid gap-4 md:grid-cols-4">{[0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-48" />)}</div>
        : plans.isError ? <ErrorState error={plans.error} onRetry={() => plans.refetch()} />
        : !plans.data?.length ? <EmptyState icon="tag" title="No plans defined" />
        : (
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
            {plans.data.map((p) => (
              <Card key={p.id}>
                <div className="p-4">
                  <h2 className="font-semibold">{p.name}</h2>
                  <p className="mt-1 text-2xl font-semibold tabular-nums">{formatMoney(p.priceMonthly, p.currency)}<span className="text-sm font-normal text-muted"> / month</span></p>
                  <dl className="mt-4 space-y-1 text-sm">
                    {Object.entries(p.limits ?? {}).map(([k, v]) => (
                      <div key={k} className="flex justify-between gap-2"><dt className="text-muted">{humanizeKey(k)}</dt><dd className="tabular-nums">{v ?? "Unlimited"}</dd></div>
                    ))}
                  </dl>
                  {!!p.features?.length && <ul className="mt-3 space-y-0.5 text-sm">{p.features.map((f) => <li key={f}>✓ {humanizeKey(f)}</li>)}</ul>}
                </div>
              </Card>
            ))}
          </div>
        )}
      <Card title="Platform settings">
        {settings.isLoading ? <div className="p-4"><Skeleton className="h-24" /></div>
          : settings.isError ? <div className="p-4"><Alert tone="info">Platform settings aren't available yet ({errorMessage(settings.error)}).</Alert></div>
          : <SettingsForm initial={settings.data ?? {}} />}
      </Card>
    </div>
  );
}

function SettingsForm({ initial }: { initial: Record<string, unknown> }) {
  const toast = useToast();
  const [values, setValues] = useState<Record<string, unknown>>(initial);
  useEffect(() => setValues(initial), [initial]);
  const save = useMutation({ mutationFn: () => { const { updatedAt: _u, ...body } = values; return platformApi.updateSettings(body); }, onSuccess: () => toast("Settings saved."), onError: (e) => toast(errorMessage(e), "error") });
  const keys = Object.keys(values).filter((k) => k !== "updatedAt" && ["string", "number", "boolean"].includes(typeof values[k]));
  if (!keys.length) return <p className="p-4 text-sm text-muted">No editable settings.</p>;
  return (
    <form className="space-y-4 p-4" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <div className="grid gap-4 sm:grid-cols-2">
        {keys.map((k) => {
          const v = values[k];
          const label = humanizeKey(k);
          return typeof v === "boolean" ? (
            <label key={k} className="flex items-center gap-2 text-sm font-medium"><input type="checkbox" checked={v} onChange={(e) => setValues({ ...values, [k]: e.target.checked })} className="h-4 w-4 accent-[var(--ss-brand)]" />{label}</label>
          ) : (
            <div key={k}><label className="label" htmlFor={"s-" + k}>{label}</label>
              <input id={"s-" + k} className="input" type={typeof v === "number" ? "number" : "text"} value={String(v)} onChange={(e) => setValues({ ...values, [k]: typeof v === "number" ? Number(e.target.value) : e.target.value })} /></div>
          );
        })}
      </div>
      <button type="submit" className="btn-primary" disabled={save.isPending}>Save settings</button>
    </form>
  );
}
