// Form validation (unit-tested): a zod schema per form, built from small
// checks that return a message or undefined. Forms hand the schema to
// react-hook-form (see ui/form.tsx); the validate* functions give the same
// checks as a map of field → message, an empty map meaning valid. The server
// validates too, never more leniently: its problem JSON errors land on the
// same field names. The client never refuses what the server accepts.
import { z } from "zod";

export type Errors<K extends string = string> = Partial<Record<K, string>>;
export const isEmpty = (e: Errors) => Object.keys(e).length === 0;

/** A string field checked by `check` (a message, or undefined when fine); the value is passed on as typed. */
export const checked = (check: (v: string) => string | undefined) =>
  z.string().superRefine((v, ctx) => {
    const m = check(v);
    if (m) ctx.addIssue({ code: "custom", message: m });
  });

/** A required text field, passed on trimmed. */
export const required = (message: string) => z.string().trim().min(1, message);

/** A schema for checks that look at several fields at once: the values pass unchanged, each message lands on its field. */
export const fromErrors = <T>(validate: (v: T) => Errors) =>
  z.custom<T>().superRefine((v, ctx) => {
    for (const [k, message] of Object.entries(validate(v))) if (message) ctx.addIssue({ code: "custom", path: [k], message });
  });

/** The schema's first message per field, keyed by dotted path. */
export function errorsOf<K extends string>(schema: z.ZodType, v: unknown): Errors<K> {
  const r = schema.safeParse(v);
  const e: Record<string, string> = {};
  for (const i of r.success ? [] : r.error.issues) {
    const k = i.path.join(".");
    if (!(k in e)) e[k] = i.message;
  }
  return e as Errors<K>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function emailError(v: string): string | undefined {
  if (!v.trim()) return "Enter an email address.";
  if (!EMAIL.test(v.trim())) return "Enter a valid email address, like name@example.com.";
  return undefined;
}

export const MIN_PASSWORD = 10;
export function passwordError(v: string): string | undefined {
  if (!v) return "Enter a password.";
  if (v.length < MIN_PASSWORD) return `Use at least ${MIN_PASSWORD} characters.`;
  if (v.length > 256) return "Use at most 256 characters.";
  return undefined;
}

function put<K extends string>(e: Errors<K>, k: K, msg: string | undefined) {
  if (msg) e[k] = msg;
}

/** An email field, passed on trimmed. */
export const email = () => checked(emailError).transform((v) => v.trim());

export const loginSchema = z.object({ email: email(), password: z.string().min(1, "Enter your password.") });
export const validateLogin = (v: { email: string; password: string }) => errorsOf<"email" | "password">(loginSchema, v);

export function validateMfaCode(code: string): string | undefined {
  const c = code.replace(/\s+/g, "");
  if (!c) return "Enter the code from your authenticator app.";
  if (/^\d+$/.test(c) && c.length !== 6) return "Authenticator codes have 6 digits.";
  if (!/^[\dA-Za-z-]{6,20}$/.test(c)) return "Enter a 6-digit code or one of your recovery codes.";
  return undefined;
}
/** The code as sent: without the spaces people type between digit groups. */
export const mfaCodeSchema = z.object({ code: checked(validateMfaCode).transform((c) => c.replace(/\s+/g, "")) });

/** A new password and its confirmation; the mismatch shows once the password itself is fine. */
const passwords = { password: checked(passwordError), confirm: z.string() };
function confirmMatches(v: { password: string; confirm: string }, ctx: z.RefinementCtx) {
  if (!passwordError(v.password) && v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "The passwords don't match." });
}

export const newPasswordSchema = z.object(passwords).superRefine(confirmMatches);
export const validateNewPassword = (v: { password: string; confirm: string }) => errorsOf<"password" | "confirm">(newPasswordSchema, v);

export const acceptInvitationSchema = z.object({ name: required("Enter your name."), ...passwords }).superRefine(confirmMatches);
export const validateAcceptInvitation = (v: { name: string; password: string; confirm: string }) =>
  errorsOf<"name" | "password" | "confirm">(acceptInvitationSchema, v);

export const signUpSchema = z.object({ name: required("Enter your name."), email: email(), ...passwords }).superRefine(confirmMatches);

export interface InviteBusinessForm {
  email: string;
  businessName: string;
  tier: string;
  overrideLimits: boolean;
  maxUsers: string;
  maxResources: string;
  maxAppointmentsPerMonth: string;
}
type InviteKeys = "email" | "businessName" | "tier" | "maxUsers" | "maxResources" | "maxAppointmentsPerMonth";

function nonNegativeInt(v: string): string | undefined {
  if (v.trim() === "") return undefined; // blank = keep the tier's default
  if (!/^\d+$/.test(v.trim())) return "Enter a whole number (0 or more), or leave blank for the tier's limit.";
  if (Number(v) > 1_000_000) return "That's more than the system allows (1,000,000).";
  return undefined;
}

export function validateInviteBusiness(v: InviteBusinessForm): Errors<InviteKeys> {
  const e: Errors<InviteKeys> = {};
  put(e, "email", emailError(v.email));
  if (!v.businessName.trim()) e.businessName = "Enter the business name.";
  else if (v.businessName.trim().length > 100) e.businessName = "Keep the name under 100 characters.";
  if (!v.tier) e.tier = "Choose a tier.";
  if (v.overrideLimits) {
    put(e, "maxUsers", nonNegativeInt(v.maxUsers));
    put(e, "maxResources", nonNegativeInt(v.maxResources));
    put(e, "maxAppointmentsPerMonth", nonNegativeInt(v.maxAppointmentsPerMonth));
  }
  return e;
}

/** The invite form's values unchanged; the overrides count only when checked. */
export const inviteBusinessSchema = fromErrors(validateInviteBusiness);

/** The request body: overrides are sent only when the section is checked. */
/** The POST body: overrides (and the server's overrideLimits switch) only when the box is checked. */
export function inviteBusinessBody(v: InviteBusinessForm) {
  const body: { email: string; businessName: string; tier: string; overrideLimits?: true; limitOverrides?: Record<string, number> } = {
    email: v.email.trim(), businessName: v.businessName.trim(), tier: v.tier,
  };
  if (v.overrideLimits) {
    const o: Record<string, number> = {};
    if (v.maxUsers.trim()) o.maxUsers = Number(v.maxUsers);
    if (v.maxResources.trim()) o.maxResources = Number(v.maxResources);
    if (v.maxAppointmentsPerMonth.trim()) o.maxAppointmentsPerMonth = Number(v.maxAppointmentsPerMonth);
    body.overrideLimits = true;
    body.limitOverrides = o;
  }
  return body;
}

export function phoneError(v: string, required = false): string | undefined {
  const t = v.trim();
  if (!t) return required ? "Enter a phone number." : undefined;
  const digits = t.replace(/\D/g, "");
  if (!/^[+\d\s().-]+$/.test(t) || digits.length < 7 || digits.length > 15) return "Enter a valid phone number, like +1 555 123 4567.";
  return undefined;
}

export const bookingDetailsSchema = z.object({ name: required("Enter your name."), email: email(), phone: checked((v) => phoneError(v)).transform((v) => v.trim()) });
export const validateBookingDetails = (v: { name: string; email: string; phone: string }) =>
  errorsOf<"name" | "email" | "phone">(bookingDetailsSchema, v);

export function validateAppointment(v: { serviceId: string; resourceId: string; date: string; time: string; durationMinutes: number }): Errors<"serviceId" | "resourceId" | "date" | "time" | "durationMinutes"> {
  const e: Errors<"serviceId" | "resourceId" | "date" | "time" | "durationMinutes"> = {};
  if (!v.serviceId) e.serviceId = "Choose a service.";
  if (!v.resourceId) e.resourceId = "Choose who or what it's booked with.";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) e.date = "Choose a date.";
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time)) e.time = "Choose a time.";
  if (!Number.isInteger(v.durationMinutes) || v.durationMinutes < 5) e.durationMinutes = "Duration must be at least 5 minutes.";
  else if (v.durationMinutes > 24 * 60) e.durationMinutes = "Duration can't exceed 24 hours.";
  return e;
}

export function validateBlocker(v: { resourceId: string; date: string; time: string; durationMinutes: number; title: string }): Errors<"resourceId" | "date" | "time" | "durationMinutes" | "title"> {
  const e: Errors<"resourceId" | "date" | "time" | "durationMinutes" | "title"> = {};
  if (!v.resourceId) e.resourceId = "Choose a resource.";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) e.date = "Choose a date.";
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time)) e.time = "Choose a start time.";
  if (!Number.isInteger(v.durationMinutes) || v.durationMinutes < 5) e.durationMinutes = "Block at least 5 minutes.";
  if (!v.title.trim()) e.title = "Give the block a short title, e.g. Lunch.";
  return e;
}

export function validateHours(rows: { dayOfWeek: number; openTime: string; closeTime: string }[]): Record<number, string> {
  const e: Record<number, string> = {};
  const byDay = new Map<number, { open: number; close: number }[]>();
  rows.forEach((r) => {
    const [oh, om] = r.openTime.split(":").map(Number) as [number, number];
    const [ch, cm] = r.closeTime.split(":").map(Number) as [number, number];
    const open = oh * 60 + om, close = ch * 60 + cm;
    if (!(close > open)) e[r.dayOfWeek] = "Closing time must be after opening time.";
    const list = byDay.get(r.dayOfWeek) ?? [];
    for (const s of list) if (open < s.close && s.open < close) e[r.dayOfWeek] = "Shifts on the same day must not overlap.";
    list.push({ open, close });
    byDay.set(r.dayOfWeek, list);
  });
  return e;
}

export function validateHexColor(v: string): string | undefined {
  if (!v) return undefined;
  return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v) ? undefined : "Use a hex colour such as #4f46e5.";
}

/** A subdomain suggestion from a business name: "Bella's Hair & Nails" → "bellas-hair-nails". */
export function suggestSubdomain(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63).replace(/-+$/, "");
}

export function subdomainError(v: string): string | undefined {
  const s = v.trim();
  if (!s) return "Choose an address for your business.";
  if (s.length < 3 || s.length > 63) return "Use 3 to 63 characters.";
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(s)) return "Use lowercase letters, digits and hyphens (not at the start or end).";
  return undefined;
}

export const businessAcceptSchema = z.object({
  subdomain: checked(subdomainError).transform((v) => v.trim()), name: required("Enter your name."), timezone: z.string(), ...passwords,
}).superRefine(confirmMatches);
export const validateBusinessAccept = (v: { subdomain: string; name: string; password: string; confirm: string }) =>
  errorsOf<"subdomain" | "name" | "password" | "confirm">(businessAcceptSchema, { timezone: "UTC", ...v });
