import { lazy, Suspense } from "react";
import { Link, NavLink, Route, Routes } from "react-router";
import type { Me } from "../../api/types";
import { Brand } from "../../app/Brand";
import { useConfig } from "../../app/config-context";
import { ThemeToggle } from "../../app/ThemeToggle";
import { MasqueradeBanner } from "../../auth/MasqueradeBanner";
import { useLogout } from "../../auth/session";
import { cx } from "../../ui/cx";
import { Alert, Skeleton } from "../../ui/feedback";
import { BookingFlow } from "./BookingFlow";

const Portal = lazy(() => import("./Portal"));

/** The business's public, branded booking site and the customer portal. */
export default function BookingSite({ me }: { me: Me | null }) {
  const cfg = useConfig();
  const logout = useLogout();
  const t = cfg.tenant!;
  const link = ({ isActive }: { isActive: boolean }) => cx("rounded-lg px-3 py-1.5 text-sm font-medium", isActive ? "bg-brand/10 text-brand" : "text-muted hover:text-fg");
  return (
    <div className="min-h-dvh bg-canvas">
      <MasqueradeBanner me={me} />
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-3">
          <Link to="/" className="mr-auto min-w-0 rounded-lg"><Brand compact /></Link>
          <nav aria-label="Booking" className="order-last flex w-full items-center gap-1 whitespace-nowrap sm:order-none sm:w-auto">
            <NavLink to="/" end className={link}>Book</NavLink>
            {me && <NavLink to="/portal" className={link}>My appointments</NavLink>}
          </nav>
          <ThemeToggle />
          {me ? <button type="button" className="btn-ghost whitespace-nowrap px-2.5" onClick={() => logout.mutate()}>Sign out</button>
            : <Link to="/login?next=/portal" className="btn-ghost whitespace-nowrap px-2.5">Sign in</Link>}
        </div>
        <div aria-hidden="true" className="h-1 bg-gradient-to-r from-brand to-brand-2" />
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6 sm:py-10">
        {t.status === "suspended" ? (
          <Alert title={`${t.name} isn't taking bookings right now`}>Please contact the business directly.</Alert>
        ) : (
          <Routes>
            <Route index element={<BookingFlow me={me} />} />
            <Route path="book" element={<BookingFlow me={me} />} />
            <Route path="portal" element={<Suspense fallback={<Skeleton className="h-40" />}><Portal me={me} /></Suspense>} />
            <Route path="*" element={<BookingFlow me={me} />} />
          </Routes>
        )}
      </main>
      <footer className="pb-10 text-center text-xs text-muted">Powered by SmoothSchedule</footer>
    </div>
  );
}
