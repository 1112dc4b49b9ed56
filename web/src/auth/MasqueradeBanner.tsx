import { useEffect, useState } from "react";
import { authApi } from "../api/auth";
import { errorMessage } from "../api/client";
import type { Me } from "../api/types";
import { useConfig } from "../app/config-context";
import { hostUrl } from "../config";
import { Icon } from "../ui/Icon";
import { titleCase } from "../ui/feedback";

export function timeLeft(expiresAt: string, now: number): string {
  const ms = Date.parse(expiresAt) - now;
  if (!Number.isFinite(ms) || ms <= 0) return "expired";
  const min = Math.ceil(ms / 60_000);
  if (min < 60) return `${min} min left`;
  const h = Math.floor(min / 60);
  return `${h} h ${min % 60} min left`;
}

/** Shown on every page while a platform user acts as someone else. */
export function MasqueradeBanner({ me }: { me: Me | null | undefined }) {
  const cfg = useConfig();
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);
  const m = me?.masquerade;
  if (!me || !m) return null;
  const stop = async () => {
    setBusy(true);
    setErr(null);
    try {
      const r = await authApi.masqueradeStop();
      window.location.assign(r?.redirectUrl || hostUrl(cfg, "platform", "/"));
    } catch (e) {
      setErr(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <div role="region" aria-label="Masquerade" className="sticky top-0 z-40 bg-amber-400 text-amber-950 shadow">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm">
        <Icon name="mask" className="h-5 w-5" />
        <p className="flex-1">
          Acting as <strong>{me.name || me.email}</strong> <span className="opacity-80">({me.email}, {titleCase(me.role)})</span>
          {" · "}really <strong>{m.impersonator.email}</strong>
          {" · "}<span aria-live="polite">{timeLeft(m.expiresAt, now)}</span>
        </p>
        {err && <span role="alert" className="font-medium">{err}</span>}
        <button type="button" onClick={stop} disabled={busy}
          className="rounded-md bg-amber-950 px-3 py-1.5 font-semibold text-amber-50 hover:bg-amber-900 focus-visible:outline-amber-950 disabled:opacity-70">
          {busy ? "Stopping…" : "Stop masquerading"}
        </button>
      </div>
    </div>
  );
}
