const ACRONYMS = new Set(["api", "mfa", "sso", "sms", "url", "id", "ip"]);
const SPECIAL: Record<string, string> = {
  maxAppointmentsPerMonth: "Appointments a month", maxUsers: "Users", maxResources: "Resources", maxServices: "Services", maxPlugins: "Installed plugins",
};

/** A label from an API key: "onlinePayments" → "Online payments", "requirePlatformMFA" → "Require platform MFA". */
export function humanizeKey(key: string): string {
  if (SPECIAL[key]) return SPECIAL[key];
  const words = key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .trim().split(/\s+/).filter(Boolean)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  if (!words.length) return "";
  const first = words[0]!;
  words[0] = first === first.toUpperCase() ? first : first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(" ");
}
