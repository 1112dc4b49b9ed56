// A business's overrides of its plan, as the platform console edits them.
// PUT /api/platform/businesses/{id}/overrides/ replaces the whole set: a limit
// or feature present wins over the plan's (a limit of null is unlimited); one
// left out follows the plan. Pure and unit-tested.
import type { Errors } from "./validation";

/** Limits in display order (internal/platform/plan.go). */
export const LIMIT_ORDER = ["maxUsers", "maxResources", "maxServices", "maxAppointmentsPerMonth", "maxPlugins"];

/** The plan editor's feature headings (internal/platform/plan.go FeatureGroups). */
export const FEATURE_GROUPS: { name: string; features: string[] }[] = [
  { name: "Payments", features: ["onlinePayments"] },
  { name: "Communication", features: ["smsReminders", "emailTemplates"] },
  { name: "Customization", features: ["customDomain", "whiteLabel"] },
  { name: "Plugins", features: ["plugins", "customPlugins"] },
  { name: "Advanced", features: ["apiAccess", "webhooks", "advancedAnalytics", "dataExport"] },
  { name: "Enterprise", features: ["sso", "auditLogExport", "prioritySupport"] },
];

export type LimitMode = "plan" | "unlimited" | "custom";
export interface LimitChoice { mode: LimitMode; value: string }
export type FeatureChoice = "plan" | "on" | "off";
export interface OverridesForm { limits: Record<string, LimitChoice>; features: Record<string, FeatureChoice> }
export interface OverridesBodyLike { limits?: Record<string, number | null>; features?: Record<string, boolean> }

/** Every limit to show: the known ones in order, then any others the server mentions. */
export function limitKeys(...sources: (Record<string, unknown> | null | undefined)[]): string[] {
  const extra = new Set<string>();
  for (const s of sources) for (const k of Object.keys(s ?? {})) if (!LIMIT_ORDER.includes(k)) extra.add(k);
  return [...LIMIT_ORDER, ...[...extra].sort()];
}

/** Feature groups with any feature the server mentions that the catalog above lacks under "Other". */
export function featureGroups(...known: (Iterable<string> | null | undefined)[]): { name: string; features: string[] }[] {
  const listed = new Set(FEATURE_GROUPS.flatMap((g) => g.features));
  const other = new Set<string>();
  for (const it of known) for (const f of it ?? []) if (!listed.has(f)) other.add(f);
  return other.size ? [...FEATURE_GROUPS, { name: "Other", features: [...other].sort() }] : FEATURE_GROUPS;
}

export function toForm(o: OverridesBodyLike | null | undefined, limits: string[], features: string[]): OverridesForm {
  const f: OverridesForm = { limits: {}, features: {} };
  for (const k of limits) {
    const has = !!o?.limits && Object.prototype.hasOwnProperty.call(o.limits, k);
    const v = o?.limits?.[k];
    f.limits[k] = !has ? { mode: "plan", value: "" } : v === null || v === undefined ? { mode: "unlimited", value: "" } : { mode: "custom", value: String(v) };
  }
  for (const k of features) {
    const v = o?.features?.[k];
    f.features[k] = v === undefined ? "plan" : v ? "on" : "off";
  }
  return f;
}

/** The PUT body, or field errors keyed like the server's (`limits.maxUsers`). */
export function toBody(f: OverridesForm): { body: { limits: Record<string, number | null>; features: Record<string, boolean> }; errors: Errors } {
  const body = { limits: {} as Record<string, number | null>, features: {} as Record<string, boolean> };
  const errors: Errors = {};
  for (const [k, c] of Object.entries(f.limits)) {
    if (c.mode === "unlimited") body.limits[k] = null;
    else if (c.mode === "custom") {
      const t = c.value.trim();
      if (!/^\d+$/.test(t)) errors[`limits.${k}`] = t ? "Enter a whole number of 0 or more." : "Enter a number, or choose unlimited.";
      else if (t.length > 9) errors[`limits.${k}`] = "That is more than a limit can be; choose unlimited.";
      else body.limits[k] = Number(t);
    }
  }
  for (const [k, c] of Object.entries(f.features)) if (c !== "plan") body.features[k] = c === "on";
  return { body, errors };
}

/** How many overrides a form sets (the drawer's summary: "3 overrides"). */
export function countOverrides(o: OverridesBodyLike | null | undefined): number {
  return Object.keys(o?.limits ?? {}).length + Object.keys(o?.features ?? {}).length;
}

/** The plan's value of a limit, as words. */
export function limitText(v: number | null | undefined): string {
  return v === null ? "Unlimited" : v === undefined ? "—" : new Intl.NumberFormat("en-US").format(v);
}
