import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { authApi } from "../api/auth";
import type { Me } from "../api/types";

export const meKey = ["me"] as const;

/** The signed-in user, or null when not signed in (401). */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await authApi.me();
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => authApi.logout(),
    onSettled: () => {
      qc.clear();
      window.location.assign("/login");
    },
  });
}

export function hasPermission(me: Me | null | undefined, p: string): boolean {
  return !!me && (me.role === "SUPERUSER" || !!me.permissions?.includes(p));
}
