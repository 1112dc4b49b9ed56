import { useState, type FormEvent } from "react";
import { Route, Routes } from "react-router";
import { authRoutes } from "../../app/authRoutes";
import { Brand } from "../../app/Brand";
import { useConfig } from "../../app/config-context";
import { ThemeToggle } from "../../app/ThemeToggle";
import { hostUrl } from "../../config";
import { Icon } from "../../ui/Icon";
import AcceptBusinessInvitationPage from "./AcceptBusinessInvitation";

export function slugify(v: string): string {
  return v.trim().toLowerCase().replace(/^https?:\/\//, "").split(".")[0]!.replace(/[^a-z0-9-]/g, "");
}

function Landing() {
  const cfg = useConfig();
  const [slug, setSlug] = useState("");
  const [error, setError] = useState<string | null>(null);
  const go = (e: FormEvent) => {
    e.preventDefault();
    const s = slugify(slug);
    if (!s) { setError("Enter your business's SmoothSchedule address."); return; }
    window.location.assign(hostUrl(cfg, s, "/login"));
  };
  return (
    <div className="min-h-dvh bg-canvas">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-4 py-5">
        <Brand />
        <div className="flex items-center gap-2">
          <ThemeToggle />
          <a className="btn-ghost" href={hostUrl(cfg, "platform", "/login")}>Staff console</a>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 pb-20 pt-10 sm:pt-20">
        <h1 className="max-w-2xl text-4xl font-bold tracking-tight sm:text-5xl">Scheduling your customers will actually enjoy.</h1>
        <p className="mt-4 max-w-xl text-lg text-muted">Online booking, a drag-and-drop calendar for your whole team, reminders and payments — in one calm place.</p>
        <form onSubmit={go} className="card mt-10 max-w-lg p-5" noValidate>
          <label htmlFor="slug" className="label">Sign in to your business</label>
          <div className="flex items-stretch gap-2">
            <div className="flex flex-1 items-center rounded-lg border border-line bg-surface focus-within:ring-2 focus-within:ring-ring">
              <input id="slug" className="min-w-0 flex-1 bg-transparent px-3 py-2 text-sm outline-none" placeholder="yourbusiness"
                value={slug} onChange={(e) => { setSlug(e.target.value); setError(null); }} aria-invalid={!!error} aria-describedby={error ? "slug-err" : "slug-hint"} autoCapitalize="off" />
              <span className="pr-3 text-sm text-muted">.{cfg.baseDomain}</span>
            </div>
            <button className="btn-primary" type="submit">Continue <Icon name="chevronRight" /></button>
          </div>
          {error ? <p id="slug-err" className="mt-1 text-sm text-red-600 dark:text-red-400">{error}</p> : <p id="slug-hint" className="mt-1 text-xs text-muted">The address you use to book or manage appointments.</p>}
        </form>
        <div className="mt-16 grid gap-4 sm:grid-cols-3">
          {[
            ["calendar", "Booking that converts", "A fast, branded booking page your customers can use on any phone."],
            ["users", "One calendar for the team", "Drag, resize and reassign appointments; the system refuses double bookings."],
            ["shield", "Safe by design", "Each business's data is isolated. Sign-ins never cross between businesses."],
          ].map(([icon, t, d]) => (
            <div key={t} className="card p-5">
              <Icon name={icon as "calendar"} className="h-6 w-6 text-brand" />
              <h2 className="mt-3 font-semibold">{t}</h2>
              <p className="mt-1 text-sm text-muted">{d}</p>
            </div>
          ))}
        </div>
      </main>
    </div>
  );
}

export default function ApexApp() {
  return (
    <Routes>
      {authRoutes}
      <Route path="/accept-business-invitation" element={<AcceptBusinessInvitationPage />} />
      <Route path="*" element={<Landing />} />
    </Routes>
  );
}
