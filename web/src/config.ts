// Runtime configuration injected by the Go server into index.html
// (<script id="ss-config" type="application/json">). Under `vite dev` it is
// "{}" and we derive the site from the host and ask the API for the tenant.

import { tenantApi } from "./api/tenant";
import type { TenantConfig } from "./api/types";

export type SiteKind = "platform" | "tenant" | "apex";

/** The business of a tenant host, as GET /api/tenant/config/ describes it. */
export type { TenantConfig };

export interface RuntimeConfig {
  site: SiteKind;
  baseDomain: string;
  version: string;
  tenant: TenantConfig | null;
}

export function readInjectedConfig(doc: Document = document): Partial<RuntimeConfig> {
  const el = doc.getElementById("ss-config");
  if (!el?.textContent) return {};
  try {
    const v = JSON.parse(el.textContent) as unknown;
    return v && typeof v === "object" ? (v as Partial<RuntimeConfig>) : {};
  } catch {
    return {};
  }
}

/** Guess the site from a host name such as "acme.localhost:5173". */
export function siteFromHost(host: string, baseDomain?: string): { site: SiteKind; baseDomain: string } {
  const hostname = host.split(":")[0]!.toLowerCase();
  if (baseDomain) {
    if (hostname === baseDomain) return { site: "apex", baseDomain };
    if (hostname === `platform.${baseDomain}`) return { site: "platform", baseDomain };
    return { site: "tenant", baseDomain };
  }
  const parts = hostname.split(".");
  if (parts.length <= 1 || /^\d+\.\d+\.\d+\.\d+$/.test(hostname)) return { site: "apex", baseDomain: hostname };
  if (parts[0] === "platform") return { site: "platform", baseDomain: parts.slice(1).join(".") };
  if (parts[0] === "www") return { site: "apex", baseDomain: parts.slice(1).join(".") };
  const base = parts.slice(1).join(".");
  return { site: "tenant", baseDomain: base };
}

export async function loadConfig(): Promise<RuntimeConfig> {
  const injected = readInjectedConfig();
  const guess = siteFromHost(window.location.host, injected.baseDomain);
  const cfg: RuntimeConfig = {
    site: injected.site ?? guess.site,
    baseDomain: injected.baseDomain ?? guess.baseDomain,
    version: injected.version ?? "dev",
    tenant: injected.tenant ?? null,
  };
  if (cfg.site === "tenant" && !cfg.tenant) {
    try {
      cfg.tenant = await tenantApi.config();
    } catch {
      /* the shell shows a friendly error when the tenant is unknown */
    }
  }
  return cfg;
}

/** URL of another host under the same base domain, keeping scheme and port. */
export function hostUrl(cfg: Pick<RuntimeConfig, "baseDomain">, sub: string | null, path = "/"): string {
  const { protocol, port } = window.location;
  const host = sub ? `${sub}.${cfg.baseDomain}` : cfg.baseDomain;
  return `${protocol}//${host}${port ? `:${port}` : ""}${path}`;
}
