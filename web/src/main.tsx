import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./index.css";
import { loadConfig } from "./config";
import { applyBrand, applyTheme, watchSystemTheme } from "./theme";
import { preloadSite, Root } from "./app/Root";

applyTheme();
watchSystemTheme();

loadConfig().then(async (cfg) => {
  // Load the site's code before the first render so React never suspends on it.
  await preloadSite(cfg).catch(() => undefined);
  if (cfg.site === "tenant" && cfg.tenant) {
    applyBrand(cfg.tenant.primaryColor, cfg.tenant.secondaryColor);
    document.title = cfg.tenant.name;
  } else if (cfg.site === "platform") {
    document.title = "SmoothSchedule Platform";
  }
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <Root cfg={cfg} />
    </StrictMode>,
  );
});
