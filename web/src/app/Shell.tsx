import { useEffect, useState, type ReactNode } from "react";
import { NavLink, useLocation } from "react-router";
import type { Me } from "../api/types";
import { MasqueradeBanner } from "../auth/MasqueradeBanner";
import { useLogout } from "../auth/session";
import { cx } from "../ui/cx";
import { titleCase } from "../ui/feedback";
import { Icon, type IconName } from "../ui/Icon";
import { Brand } from "./Brand";
import { ThemeToggle } from "./ThemeToggle";

export interface NavItem { to: string; label: string; icon: IconName; end?: boolean }

/** Sidebar application shell used by the platform console and the back office. */
export function Shell({ me, nav, children }: { me: Me; nav: NavItem[]; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const loc = useLocation();
  const logout = useLogout();
  useEffect(() => setOpen(false), [loc.pathname]);
  const initials = (me.name || me.email).split(/[\s@.]+/).slice(0, 2).map((s) => s[0]?.toUpperCase()).join("");
  const sidebar = (
    <nav aria-label="Main" className="flex h-full flex-col gap-1 p-3">
      <div className="mb-4 px-2 py-1.5"><Brand compact /></div>
      {nav.map((n) => (
        <NavLink key={n.to} to={n.to} end={n.end}
          className={({ isActive }) => cx("flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors",
            isActive ? "bg-brand/10 text-brand" : "text-muted hover:bg-surface-2 hover:text-fg")}>
          <Icon name={n.icon} className="h-[18px] w-[18px]" />
          {n.label}
        </NavLink>
      ))}
      <div className="mt-auto border-t border-line pt-3">
        <div className="flex items-center gap-3 px-2 py-2">
          {me.avatarUrl ? <img src={me.avatarUrl} alt="" className="h-8 w-8 rounded-full object-cover" /> :
            <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-full bg-surface-2 text-xs font-semibold">{initials}</span>}
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium">{me.name || me.email}</p>
            <p className="truncate text-xs text-muted">{titleCase(me.role)}</p>
          </div>
          <ThemeToggle />
        </div>
        <button type="button" className="btn-ghost w-full justify-start" onClick={() => logout.mutate()} disabled={logout.isPending}>
          <Icon name="logout" /> Sign out
        </button>
      </div>
    </nav>
  );
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only z-50 rounded bg-surface px-3 py-2 focus:not-sr-only focus:fixed focus:left-3 focus:top-3">Skip to content</a>
      <MasqueradeBanner me={me} />
      <div className="flex">
        <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 border-r border-line bg-surface lg:block">{sidebar}</aside>
        {open && (
          <div className="fixed inset-0 z-30 lg:hidden">
            <button type="button" aria-label="Close menu" className="absolute inset-0 bg-slate-950/40" onClick={() => setOpen(false)} />
            <aside className="absolute inset-y-0 left-0 w-64 border-r border-line bg-surface shadow-xl">{sidebar}</aside>
          </div>
        )}
        <div className="min-w-0 flex-1">
          <header className="sticky top-0 z-20 flex items-center gap-3 border-b border-line bg-surface/90 px-4 py-2.5 backdrop-blur lg:hidden">
            <button type="button" className="btn-ghost p-2" aria-label="Open menu" aria-expanded={open} onClick={() => setOpen(true)}>
              <Icon name="menu" className="h-5 w-5" />
            </button>
            <Brand compact />
          </header>
          <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6 sm:px-6 lg:px-8">{children}</main>
        </div>
      </div>
    </div>
  );
}
