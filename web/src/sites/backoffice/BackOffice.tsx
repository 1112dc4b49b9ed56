import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { isManagerRole, type Me } from "../../api/types";
import { PageLoader } from "../../app/FullPageLoader";
import { NotFound } from "../../app/NotFound";
import { Shell, type NavItem } from "../../app/Shell";

const Dashboard = lazy(() => import("./Dashboard"));
const Scheduler = lazy(() => import("../../scheduler/SchedulerPage"));
const Agenda = lazy(() => import("./Agenda"));
const Resources = lazy(() => import("./Resources"));
const Services = lazy(() => import("./Services"));
const Hours = lazy(() => import("./Hours"));
const Customers = lazy(() => import("./Customers"));
const Staff = lazy(() => import("./Staff"));
const Settings = lazy(() => import("./Settings"));
const Support = lazy(() => import("./Support"));
const Account = lazy(() => import("../shared/Account"));

export function navFor(me: Me): NavItem[] {
  const manager = isManagerRole(me.role);
  const items: (NavItem | false)[] = [
    { to: "/", label: "Dashboard", icon: "home", end: true },
    { to: "/scheduler", label: "Scheduler", icon: "calendar" },
    { to: "/agenda", label: "My agenda", icon: "clock" },
    { to: "/customers", label: "Customers", icon: "users" },
    manager && { to: "/resources", label: "Resources", icon: "box" },
    manager && { to: "/services", label: "Services", icon: "tag" },
    manager && { to: "/hours", label: "Business hours", icon: "clock" },
    manager && { to: "/staff", label: "Staff", icon: "shield" },
    manager && { to: "/settings", label: "Settings", icon: "settings" },
    { to: "/support", label: "Support", icon: "life" },
    { to: "/account", label: "Account & security", icon: "lock" },
  ];
  return items.filter((x): x is NavItem => !!x);
}

export default function BackOffice({ me }: { me: Me }) {
  const manager = isManagerRole(me.role);
  return (
    <Shell me={me} nav={navFor(me)}>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route index element={<Dashboard me={me} />} />
          <Route path="scheduler" element={<Scheduler me={me} />} />
          <Route path="agenda" element={<Agenda me={me} />} />
          <Route path="customers" element={<Customers />} />
          {manager && <Route path="resources" element={<Resources />} />}
          {manager && <Route path="services" element={<Services />} />}
          {manager && <Route path="hours" element={<Hours />} />}
          {manager && <Route path="staff" element={<Staff me={me} />} />}
          {manager && <Route path="settings/*" element={<Settings me={me} />} />}
          <Route path="support" element={<Support />} />
          <Route path="account" element={<Account />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
