import { SelectField } from "../../ui/Field";

const zones: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf("timeZone");
  } catch {
    return ["UTC", "Europe/London", "Europe/Paris", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney"];
  }
})();

export function TimeZoneSelect({ label, value, onChange, allowDefault, error }: { label: string; value: string; onChange: (tz: string) => void; allowDefault?: boolean; error?: string }) {
  return (
    <SelectField label={label} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
      {allowDefault && <option value="">Business default</option>}
      {value && !zones.includes(value) && <option value={value}>{value}</option>}
      {zones.map((z) => <option key={z} value={z}>{z.replace(/_/g, " ")}</option>)}
    </SelectField>
  );
}
