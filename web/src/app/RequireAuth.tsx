import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { Me } from "../api/types";
import { useMe } from "../auth/session";
import { ErrorState } from "../ui/feedback";
import { FullPageLoader } from "./FullPageLoader";

/** Renders children with the signed-in user, or sends to /login?next=… */
export function RequireAuth({ allow, children, denied }: { allow: (me: Me) => boolean; children: (me: Me) => ReactNode; denied?: ReactNode }) {
  const me = useMe();
  const loc = useLocation();
  if (me.isLoading) return <FullPageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  if (!allow(me.data)) return <>{denied ?? <Navigate to="/" replace />}</>;
  return <>{children(me.data)}</>;
}
