// Access transparency: an audit event told as a sentence a business owner can
// read ("support@… started acting as you"). Pure and unit-tested.

export interface AuditLike {
  action: string;
  actorEmail?: string;
  targetEmail?: string;
  reason?: string;
  detail?: Record<string, unknown> | null;
}

export type AuditCategory = "masquerade" | "grant" | "approval" | "other";

/** The filter tabs of the access-transparency log and the actions each sends. */
export const AUDIT_FILTERS: { key: string; label: string; actions: string }[] = [
  { key: "all", label: "All", actions: "" },
  { key: "masquerade", label: "Acting as users", actions: "MASQUERADE_START,MASQUERADE_END,MASQUERADE_DENIED" },
  { key: "grant", label: "Permission grants", actions: "GRANT_CREATED,GRANT_USED,GRANT_REVOKED" },
  { key: "approval", label: "Support approvals", actions: "SUPPORT_ACCESS_APPROVED,SUPPORT_ACCESS_REVOKED,SUPPORT_APPROVAL_POLICY_CHANGED" },
];

export function auditCategory(action: string): AuditCategory {
  if (action.startsWith("MASQUERADE_")) return "masquerade";
  if (action.startsWith("GRANT_")) return "grant";
  if (action.startsWith("SUPPORT_")) return "approval";
  return "other";
}

/** "platform.users.write" / "customers.write" → a short phrase. */
export function permissionPhrase(p: unknown): string {
  return typeof p === "string" && p ? `“${p}”` : "a permission";
}

/** Who, as shown: "you" when the email is the viewer's own. */
function who(email: string | undefined, me?: string): string {
  if (!email) return "someone";
  return me && email.toLowerCase() === me.toLowerCase() ? "you" : email;
}

/** Capitalises "you"/"someone" at the start; an email address stays as it is. */
function sentenceCase(s: string): string {
  return /^(you|someone)\b/.test(s) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** One line per event: what happened, and to whom. `me` is the viewer's email. */
export function describeAudit(e: AuditLike, me?: string): string {
  const actor = who(e.actorEmail, me);
  const target = who(e.targetEmail, me);
  const d = e.detail ?? {};
  switch (e.action) {
    case "MASQUERADE_START": return sentenceCase(`${actor} started acting as ${target}`);
    case "MASQUERADE_END": return sentenceCase(`${actor} stopped acting as ${target}`);
    case "MASQUERADE_DENIED": return sentenceCase(`${actor} was refused access as ${target}`);
    case "GRANT_CREATED": return sentenceCase(`${actor} gave ${target} ${permissionPhrase(d.action)} for a while`);
    case "GRANT_USED": return sentenceCase(`${actor} used ${permissionPhrase(d.action)}`);
    case "GRANT_REVOKED": return sentenceCase(`${actor} revoked ${permissionPhrase(d.action)} from ${target}`);
    case "SUPPORT_ACCESS_APPROVED": return sentenceCase(`${actor} approved SmoothSchedule support access`);
    case "SUPPORT_ACCESS_REVOKED": return sentenceCase(`${actor} ended SmoothSchedule support access`);
    case "SUPPORT_APPROVAL_POLICY_CHANGED":
      return sentenceCase(`${actor} ${d.platformApprovalRequired === false ? "stopped requiring" : "started requiring"} approval for support access`);
    default: return sentenceCase(`${actor}: ${e.action.toLowerCase().replace(/_/g, " ")}${e.targetEmail ? ` (${target})` : ""}`);
  }
}
