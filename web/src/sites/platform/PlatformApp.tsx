import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { isPlatformRole, type Me } from "../../api/types";
import { hasPermission } from "../../auth/session";
import { authRoutes } from "../../app/authRoutes";
import { PageLoader } from "../../app/FullPageLoader";
import { NotFound } from "../../app/NotFound";
import { RequireAuth } from "../../app/RequireAuth";
import { Shell, type NavItem } from "../../app/Shell";
import { EmptyState } from "../../ui/feedback";

const Dashboard = lazy(() => import("./Dashboard"));
const Businesses = lazy(() => import("./Businesses"));
const Users = lazy(() => import("./Users"));
const Staff = lazy(() => import("./Staff"));
const Tickets = lazy(() => import("./Tickets"));
const Plans = lazy(() => import("./Plans"));
const Audit = lazy(() => import("./Audit"));
const Grants = lazy(() => import("./Grants"));
const Account = lazy(() => import("../shared/Account"));

/** The console's pages and the permission each needs (the server decides; this only hides what would be refused). */
const nav: (NavItem & { perm?: string })[] = [
  { to: "/", label: "Dashboard", icon: "chart", end: true },
  { to: "/businesses", label: "Businesses", icon: "building", perm: "platform.businesses.read" },
  { to: "/users", label: "Users", icon: "users", perm: "platform.users.read" },
  { to: "/staff", label: "Platform staff", icon: "shield", perm: "platform.staff.manage" },
  { to: "/support", label: "Support", icon: "life", perm: "platform.tickets.manage" },
  { to: "/plans", label: "Plans & settings", icon: "tag", perm: "platform.businesses.read" },
  { to: "/audit", label: "Audit log", icon: "list", perm: "platform.audit.read" },
  { to: "/grants", label: "Permission grants", icon: "key", perm: "platform.grants.manage" },
  { to: "/account", label: "Account & security", icon: "lock" },
];
const navFor = (me: Me) => nav.filter((n) => !n.perm || hasPermission(me, n.perm));

export default function PlatformApp() {
  return (
    <Routes>
      {authRoutes}
      <Route path="/*" element={
        <RequireAuth allow={(me) => isPlatformRole(me.role)}
          denied={<EmptyState icon="lock" title="Platform staff only">This console is for SmoothSchedule staff. Sign in on your business's own address instead.</EmptyState>}>
          {(me) => (
            <Shell me={me} nav={navFor(me)}>
              <Suspense fallback={<PageLoader />}>
                <Routes>
                  <Route index element={<Dashboard />} />
                  <Route path="businesses" element={<Businesses />} />
                  <Route path="users" element={<Users />} />
                  <Route path="staff" element={<Staff />} />
                  <Route path="support" element={<Tickets />} />
                  <Route path="plans" element={<Plans />} />
                  <Route path="audit" element={<Audit />} />
                  <Route path="grants" element={<Grants />} />
                  <Route path="account" element={<Account />} />
                  <Route path="*" element={<NotFound />} />
                </Routes>
              </Suspense>
            </Shell>
          )}
        </RequireAuth>
      } />
    </Routes>
  );
}
