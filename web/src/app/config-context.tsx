import { createContext, useContext } from "react";
import type { RuntimeConfig } from "../config";

export const ConfigContext = createContext<RuntimeConfig>({ site: "apex", baseDomain: "localhost", version: "dev", tenant: null });
export const useConfig = () => useContext(ConfigContext);

/** The tenant's IANA zone (business-facing times), or the browser's. */
export function useTenantTz(): string {
  const cfg = useConfig();
  return cfg.tenant?.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
