import { useQuery } from "@tanstack/react-query";
import { tenantGrantsApi } from "../api/business";
import { platformApi } from "../api/platform";

/**
 * A permission the signed-in user may grant (the server's catalogue: its
 * description is the label), and the roles that may receive it from them.
 */
export interface Grantable { action: string; label: string; roles: string[] }

/**
 * What the signed-in user may grant from this site: the business's staff on
 * a tenant host, anyone on the platform console. Empty while loading.
 */
export function useGrantable(site: "tenant" | "platform"): Grantable[] {
  const q = useQuery({
    queryKey: ["grant-catalogue", site],
    queryFn: site === "tenant" ? tenantGrantsApi.catalogue : platformApi.grantCatalogue,
    select: (page) => page.results.map((p) => ({ action: p.name, label: p.description, roles: p.roles ?? [] })),
    staleTime: Infinity,
  });
  return q.data ?? [];
}

/** A grant's permission in words, or its name when the catalogue does not list it. */
export const grantLabel = (list: Grantable[], action: string) => list.find((g) => g.action === action)?.label ?? action;
