import { Suspense, useState } from "react";
import { BrowserRouter } from "react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import type { RuntimeConfig } from "../config";
import { ToastProvider } from "../ui/Toast";
import { ConfigContext } from "./config-context";
import { FullPageLoader } from "./FullPageLoader";
import { preloadable } from "./preloadable";

// Each kind of site is its own chunk: the booking site never downloads the
// platform console, and the tenant app loads the back office only for staff.
export const PlatformApp = preloadable(() => import("../sites/platform/PlatformApp"));
export const TenantApp = preloadable(() => import("../sites/tenant/TenantApp"));
export const ApexApp = preloadable(() => import("../sites/apex/ApexApp"));

/** Loads the site's code before the first render (see preloadable). */
export function preloadSite(cfg: RuntimeConfig): Promise<unknown> {
  return (cfg.site === "platform" ? PlatformApp : cfg.site === "tenant" ? TenantApp : ApexApp).preload();
}

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (n, e) => !(e instanceof ApiError && e.status > 0 && e.status < 500) && n < 2,
      },
      mutations: { retry: false },
    },
  });
}

export function Root({ cfg }: { cfg: RuntimeConfig }) {
  const [qc] = useState(makeQueryClient);
  return (
    <ConfigContext.Provider value={cfg}>
      <QueryClientProvider client={qc}>
        <ToastProvider>
          <BrowserRouter>
            <Suspense fallback={<FullPageLoader />}>
              {cfg.site === "platform" ? <PlatformApp /> : cfg.site === "tenant" ? <TenantApp /> : <ApexApp />}
            </Suspense>
          </BrowserRouter>
        </ToastProvider>
      </QueryClientProvider>
    </ConfigContext.Provider>
  );
}
