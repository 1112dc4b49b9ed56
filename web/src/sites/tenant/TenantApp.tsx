import { lazy, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { isStaffRole } from "../../api/types";
import { authRoutes } from "../../app/authRoutes";
import { useConfig } from "../../app/config-context";
import { FullPageLoader } from "../../app/FullPageLoader";
import { preloadable } from "../../app/preloadable";
import { useMe } from "../../auth/session";
import { hostUrl } from "../../config";
import { EmptyState, ErrorState } from "../../ui/feedback";

export const BookingSite = preloadable(() => import("../booking/BookingSite"));
const BackOffice = preloadable(() => import("../backoffice/BackOffice"));
const SignUp = lazy(() => import("../../auth/AuthPages").then((m) => ({ default: m.SignUpPage })));
// Fetch the booking code while we find out who is visiting (most visitors are customers).
if (typeof window !== "undefined") void BookingSite.preload();

/** The tenant host: back office for the business's staff, booking site for everyone else. */
export default function TenantApp() {
  const cfg = useConfig();
  if (!cfg.tenant) {
    return (
      <div className="grid min-h-dvh place-items-center px-4">
        <EmptyState icon="building" title="We couldn't find this business"
          action={<a className="btn-primary" href={hostUrl(cfg, null)}>Go to SmoothSchedule</a>}>
          Check the address. If the business moved, ask them for their new booking link.
        </EmptyState>
      </div>
    );
  }
  return (
    <Routes>
      {authRoutes}
      <Route path="/signup" element={<Suspense fallback={<FullPageLoader />}><SignUp /></Suspense>} />
      <Route path="/*" element={<TenantHome />} />
    </Routes>
  );
}

const BOOKING_PATHS = /^\/(book|portal)?(\/|$)/;

function TenantHome() {
  const me = useMe();
  const loc = useLocation();
  if (me.isLoading) return <FullPageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  const user = me.data;
  if (user && isStaffRole(user.role)) {
    return <Suspense fallback={<FullPageLoader />}><BackOffice me={user} /></Suspense>;
  }
  if (BOOKING_PATHS.test(loc.pathname)) {
    return <Suspense fallback={<FullPageLoader />}><BookingSite me={user ?? null} /></Suspense>;
  }
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  return <Navigate to="/" replace />;
}
