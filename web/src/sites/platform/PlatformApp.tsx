import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { isPlatformRole } from "../../api/types";
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

const nav: NavItem[] = [
  { to: "/", label: "Dashboard", icon: "chart", end: true },
  { to: "/businesses", label: "Businesses", icon: "building" },
  { to: "/users", label: "Users", icon: "users" },
  { to: "/staff", label: "Platform staff", icon: "shield" },
  { to: "/support", label: "Support", icon: "life" },
  { to: "/plans", label: "Plans & settings", icon: "tag" },
  { to: "/audit", label: "Audit log", icon: "list" },
  { to: "/grants", label: "Permission grants", icon: "key" },
  { to: "/account", label: "Account & security", icon: "lock" },
];

export default function PlatformApp() {
  return (
    <Routes>
      {authRoutes}
      <Route path="/*" element={
        <RequireAuth allow={(me) => isPlatformRole(me.role)}
          denied={<EmptyState icon="lock" title="Platform staff only">This console is for SmoothSchedule staff. Sign in on your business's own address instead.</EmptyState>}>
          {(me) => (
            <Shell me={me} nav={nav}>
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
