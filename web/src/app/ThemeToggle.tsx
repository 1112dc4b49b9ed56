import { useState } from "react";
import { getThemeChoice, setThemeChoice, type ThemeChoice } from "../theme";
import { Icon } from "../ui/Icon";

const next: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };
const label: Record<ThemeChoice, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };

export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(getThemeChoice);
  return (
    <button type="button" className="btn-ghost p-2" title={`${label[choice]} (click to change)`} aria-label={`Theme: ${label[choice]}. Change theme`}
      onClick={() => { const n = next[choice]; setThemeChoice(n); setChoice(n); }}>
      <Icon name={choice === "dark" ? "moon" : choice === "light" ? "sun" : "globe"} className="h-5 w-5" />
    </button>
  );
}
