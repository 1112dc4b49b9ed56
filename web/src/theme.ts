// Light/dark theme and tenant branding. The theme choice is a UI preference
// (stored in localStorage); no credentials are ever stored there.
export type ThemeChoice = "light" | "dark" | "system";
const KEY = "ss-theme";

export function getThemeChoice(): ThemeChoice {
  const v = localStorage.getItem(KEY);
  return v === "light" || v === "dark" ? v : "system";
}

export function applyTheme(choice: ThemeChoice = getThemeChoice()): void {
  const dark = choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

export function setThemeChoice(choice: ThemeChoice): void {
  if (choice === "system") localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
  applyTheme(choice);
}

export function watchSystemTheme(): void {
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => applyTheme());
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Relative luminance → pick readable text on the brand colour. */
export function readableOn(hex: string): "#ffffff" | "#111827" {
  let h = hex.slice(1);
  if (h.length === 3) h = h.split("").map((c) => c + c).join("");
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const L = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return L > 0.45 ? "#111827" : "#ffffff";
}

export function applyBrand(primary?: string | null, secondary?: string | null): void {
  const root = document.documentElement.style;
  if (primary && HEX.test(primary)) {
    root.setProperty("--ss-brand", primary);
    root.setProperty("--ss-brand-fg", readableOn(primary));
  }
  if (secondary && HEX.test(secondary)) root.setProperty("--ss-brand-2", secondary);
}
