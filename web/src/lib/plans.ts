import { useQuery } from "@tanstack/react-query";
import { platformApi } from "../api/platform";

/**
 * The platform's plans, as the plan editor keeps them: a plan created there
 * is offered wherever a business gets a plan. Empty while loading.
 */
export function usePlans() {
  return useQuery({ queryKey: ["platform-plans"], queryFn: platformApi.plans, select: (p) => p.results, staleTime: 60_000 }).data ?? [];
}
