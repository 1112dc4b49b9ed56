import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, errorMessage, resultsOf } from "../../api/client";
import { platformApi } from "../../api/platform";
import type { BusinessDetail, PlanInfo } from "../../api/types";
import { humanizeKey } from "../../lib/labels";
import { countOverrides, featureGroups, limitKeys, limitText, toBody, toForm, type FeatureChoice, type OverridesForm } from "../../lib/overrides";
import { cx } from "../../ui/cx";
import { Dialog } from "../../ui/Dialog";
import { Alert, Badge, ErrorState, Skeleton } from "../../ui/feedback";
import { useToast } from "../../ui/Toast";

/** The drawer's summary of a business's plan, its effective limits and features, and what is overridden. */
export function EntitlementsSummary({ business, canEdit }: { business: BusinessDetail; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const o = business.overrides ?? {};
  const n = countOverrides(o);
  const limits = (business.limits ?? {}) as Record<string, number | null>;
  const keys = limitKeys(limits).filter((k) => k in limits);
  const overridden = (k: string) => Object.prototype.hasOwnProperty.call(o.limits ?? {}, k);
  return (
    <section aria-labelledby="ent-h" className="rounded-xl border border-line">
      <div className="flex items-center justify-between gap-2 border-b border-line px-3 py-2.5">
        <h3 id="ent-h" className="font-semibold">Limits & features</h3>
        <div className="flex items-center gap-2">
          {n > 0 && <Badge tone="amber">{n} override{n === 1 ? "" : "s"}</Badge>}
          {canEdit && <button type="button" className="btn-secondary py-1" onClick={() => setEditing(true)}>Edit overrides</button>}
        </div>
      </div>
      <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1.5 px-3 py-3">
        {keys.map((k) => (
          <div key={k} className="contents">
            <dt className="text-muted">{humanizeKey(k)}</dt>
            <dd className="text-right tabular-nums">
              {limitText(limits[k])}{overridden(k) && <span className="ml-1.5 text-xs font-medium text-amber-700 dark:text-amber-300">override</span>}
            </dd>
          </div>
        ))}
      </dl>
      {!!business.features?.length && (
        <div className="border-t border-line px-3 py-3">
          <p className="mb-1.5 text-xs font-medium uppercase tracking-wide text-muted">Features</p>
          <ul className="flex flex-wrap gap-1.5">{business.features.map((f) => <li key={f}><Badge tone={o.features?.[f] !== undefined ? "amber" : "gray"}>{humanizeKey(f)}</Badge></li>)}</ul>
        </div>
      )}
      <OverridesDialog business={editing ? business : null} onClose={() => setEditing(false)} />
    </section>
  );
}

function OverridesDialog({ business, onClose }: { business: BusinessDetail | null; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const id = business?.id;
  const current = useQuery({ queryKey: ["platform-overrides", id], queryFn: () => platformApi.overrides(id!), enabled: !!id });
  const plans = useQuery({ queryKey: ["platform-plans"], queryFn: platformApi.plans, select: (v) => resultsOf<PlanInfo>(v), enabled: !!id, staleTime: 60_000 });
  const plan = plans.data?.find((p) => p.key === business?.plan);
  const planLimits = (plan?.limits ?? {}) as Record<string, number | null>;
  const planFeatures = useMemo(() => new Set(plan?.features ?? []), [plan]);
  const allFeatures = useMemo(() => {
    const s = new Set<string>();
    for (const p of plans.data ?? []) for (const f of p.features ?? []) s.add(f);
    for (const f of Object.keys(current.data?.features ?? {})) s.add(f);
    return s;
  }, [plans.data, current.data]);
  const groups = featureGroups(allFeatures);
  const lkeys = limitKeys(planLimits, business?.limits as Record<string, unknown> | undefined, current.data?.limits);
  const [f, setF] = useState<OverridesForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => {
    if (!id) { setF(null); setErrors({}); setFormError(null); return; }
    if (current.data && !f) setF(toForm(current.data, lkeys, groups.flatMap((g) => g.features)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, current.data]);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>["body"]) => platformApi.setOverrides(id!, body),
    onSuccess: (r) => {
      qc.setQueryData(["platform-overrides", id], r);
      toast(`Overrides saved for ${business!.name}.`);
      void qc.invalidateQueries({ queryKey: ["platform-business", id] });
      onClose();
    },
    onError: (e) => { if (e instanceof ApiError) setErrors(e.fieldErrors); setFormError(errorMessage(e)); },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!f) return;
    const { body, errors: v } = toBody(f);
    setErrors(v);
    setFormError(null);
    if (!Object.keys(v).length) save.mutate(body);
  };
  const setLimit = (k: string, p: Partial<OverridesForm["limits"][string]>) => setF((x) => x && ({ ...x, limits: { ...x.limits, [k]: { ...x.limits[k]!, ...p } } }));
  const setFeature = (k: string, v: FeatureChoice) => setF((x) => x && ({ ...x, features: { ...x.features, [k]: v } }));
  const reset = () => setF((x) => x && toForm({}, Object.keys(x.limits), Object.keys(x.features)));
  return (
    <Dialog open={!!business} onClose={onClose} size="lg" title={`Overrides for ${business?.name ?? ""}`}
      description={`Leave a field on the plan's default (${plan?.name ?? business?.plan ?? "its plan"}) or set this business's own value.`}
      footer={<>
        <button type="button" className="btn-ghost mr-auto" onClick={reset} disabled={!f}>Reset all to plan</button>
        <button type="button" className="btn-secondary" onClick={onClose}>Cancel</button>
        <button type="submit" form="overrides-form" className="btn-primary" disabled={!f || save.isPending}>{save.isPending ? "Saving…" : "Save overrides"}</button>
      </>}>
      {current.isError ? <ErrorState error={current.error} onRetry={() => current.refetch()} />
        : !f ? <div className="space-y-3" role="status" aria-label="Loading overrides">{[0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-9" />)}</div>
        : (
          <form id="overrides-form" onSubmit={submit} noValidate className="space-y-6">
            {formError && <Alert>{formError}</Alert>}
            <fieldset>
              <legend className="mb-2 text-sm font-semibold">Limits</legend>
              <div className="divide-y divide-line rounded-lg border border-line">
                {Object.entries(f.limits).map(([k, c]) => {
                  const label = humanizeKey(k);
                  const err = errors[`limits.${k}`];
                  const errId = `lim-${k}-err`;
                  return (
                    <div key={k} className="grid items-center gap-x-3 gap-y-1.5 px-3 py-2.5 sm:grid-cols-[1fr_8rem_auto]">
                      <div>
                        <label htmlFor={`lim-${k}`} className="text-sm font-medium">{label}</label>
                        <p className="text-xs text-muted">Plan: {limitText(planLimits[k])}</p>
                      </div>
                      <input id={`lim-${k}`} className="input py-1.5 tabular-nums" inputMode="numeric" placeholder="Plan default"
                        value={c.mode === "custom" ? c.value : ""} disabled={c.mode === "unlimited"}
                        aria-invalid={err ? true : undefined} aria-describedby={err ? errId : undefined}
                        onChange={(e) => setLimit(k, { value: e.target.value, mode: e.target.value.trim() ? "custom" : "plan" })} />
                      <label className="flex items-center gap-2 text-sm">
                        <input type="checkbox" className="h-4 w-4 accent-[var(--ss-brand)]" aria-label={`${label}: unlimited`}
                          checked={c.mode === "unlimited"} onChange={(e) => setLimit(k, { mode: e.target.checked ? "unlimited" : c.value.trim() ? "custom" : "plan" })} />
                        Unlimited
                      </label>
                      {err && <p id={errId} className="text-sm text-red-600 sm:col-span-3 dark:text-red-400">{err}</p>}
                    </div>
                  );
                })}
              </div>
            </fieldset>
            <fieldset>
              <legend className="mb-2 text-sm font-semibold">Features</legend>
              <div className="grid gap-4 sm:grid-cols-2">
                {groups.map((g) => (
                  <div key={g.name} role="group" aria-labelledby={`fg-${g.name}`} className="rounded-lg border border-line">
                    <p id={`fg-${g.name}`} className="border-b border-line px-3 py-2 text-xs font-medium uppercase tracking-wide text-muted">{g.name}</p>
                    <div className="space-y-2 p-3">
                      {g.features.map((k) => {
                        const v = f.features[k] ?? "plan";
                        return (
                          <div key={k} className="flex items-center justify-between gap-3">
                            <label htmlFor={`feat-${k}`} className={cx("text-sm", v !== "plan" && "font-medium")}>{humanizeKey(k)}</label>
                            <select id={`feat-${k}`} className={cx("input w-auto py-1 text-sm", v !== "plan" && "border-amber-400 dark:border-amber-600")} value={v}
                              onChange={(e) => setFeature(k, e.target.value as FeatureChoice)}>
                              <option value="plan">Plan ({planFeatures.has(k) ? "on" : "off"})</option>
                              <option value="on">On</option>
                              <option value="off">Off</option>
                            </select>
                          </div>
                        );
                      })}
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
          </form>
        )}
    </Dialog>
  );
}
