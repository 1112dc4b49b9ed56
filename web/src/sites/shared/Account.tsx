import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authApi } from "../../api/auth";
import { errorMessage, resultsOf } from "../../api/client";
import type { Session } from "../../api/types";
import { meKey, useMe } from "../../auth/session";
import { relativeFromNow } from "../../lib/time";
import { validateMfaCode } from "../../lib/validation";
import { Alert, Badge, ErrorState, SkeletonRows, titleCase } from "../../ui/feedback";
import { TextField } from "../../ui/Field";
import { Card, PageHeader } from "../../ui/Page";
import { useToast } from "../../ui/Toast";

export default function Account() {
  const me = useMe();
  const u = me.data;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title="Account & security" />
      {u && (
        <Card title="Profile">
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 p-4 text-sm">
            <dt className="text-muted">Name</dt><dd>{u.name || "—"}</dd>
            <dt className="text-muted">Email</dt><dd>{u.email}</dd>
            <dt className="text-muted">Role</dt><dd>{titleCase(u.role)}</dd>
          </dl>
        </Card>
      )}
      {u && <Mfa enabled={u.mfaEnabled} />}
      <Sessions />
    </div>
  );
}

function Mfa({ enabled }: { enabled: boolean }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [setup, setSetup] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [code, setCode] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [password, setPassword] = useState("");
  const [offCode, setOffCode] = useState("");
  const [err, setErr] = useState<string | null>(null);
  const start = useMutation({ mutationFn: authApi.mfaSetup, onSuccess: setSetup, onError: (e) => setErr(errorMessage(e)) });
  const confirm = useMutation({
    mutationFn: () => authApi.mfaConfirm(code.replace(/\s/g, "")),
    onSuccess: (r) => { setCodes(r.recoveryCodes); setSetup(null); void qc.invalidateQueries({ queryKey: meKey }); },
    onError: (e) => setErr(errorMessage(e)),
  });
  const disable = useMutation({
    mutationFn: () => authApi.mfaDisable(password, offCode.replace(/\s/g, "")),
    onSuccess: () => { toast("Two-step verification turned off."); setPassword(""); setOffCode(""); void qc.invalidateQueries({ queryKey: meKey }); },
    onError: (e) => setErr(errorMessage(e)),
  });
  const submitCode = (e: FormEvent) => { e.preventDefault(); const v = validateMfaCode(code); setErr(v ?? null); if (!v) confirm.mutate(); };
  return (
    <Card title="Two-step verification" actions={<Badge tone={enabled ? "green" : "gray"}>{enabled ? "On" : "Off"}</Badge>}>
      <div className="space-y-4 p-4 text-sm">
        {err && <Alert>{err}</Alert>}
        {codes && (
          <Alert tone="success" title="Save your recovery codes">
            <p>Each works once if you lose your phone. Store them somewhere safe — they won't be shown again.</p>
            <ul className="mt-2 grid grid-cols-2 gap-1 font-mono">{codes.map((c) => <li key={c}>{c}</li>)}</ul>
          </Alert>
        )}
        {!enabled && !setup && !codes && (
          <>
            <p className="text-muted">Protect your account with a code from an authenticator app each time you sign in.</p>
            <button type="button" className="btn-primary" onClick={() => { setErr(null); start.mutate(); }} disabled={start.isPending}>Set up two-step verification</button>
          </>
        )}
        {setup && (
          <form onSubmit={submitCode} className="space-y-3" noValidate>
            <p>Add this account to your authenticator app: open <a className="font-medium text-brand underline" href={setup.otpauthUri}>this link</a> on your phone, or enter the key by hand:</p>
            <code className="block break-all rounded-lg bg-surface-2 px-3 py-2 font-mono text-base tracking-wider">{setup.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
            <TextField label="Code from the app" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} className="max-w-48" />
            <button type="submit" className="btn-primary" disabled={confirm.isPending}>Turn on</button>
          </form>
        )}
        {enabled && (
          <form onSubmit={(e) => { e.preventDefault(); setErr(null); disable.mutate(); }} className="flex flex-wrap items-end gap-3" noValidate>
            <TextField label="Password to turn it off" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <TextField label="Code from your app (or a recovery code)" autoComplete="one-time-code" value={offCode} onChange={(e) => setOffCode(e.target.value)} />
            <button type="submit" className="btn-secondary" disabled={!password || !offCode.trim() || disable.isPending}>Turn off</button>
          </form>
        )}
      </div>
    </Card>
  );
}

function Sessions() {
  const qc = useQueryClient();
  const toast = useToast();
  const list = useQuery({ queryKey: ["sessions"], queryFn: authApi.sessions, select: (v) => resultsOf<Session>(v) });
  const revoke = useMutation({ mutationFn: authApi.revokeSession, onSuccess: () => { toast("Session signed out."); void qc.invalidateQueries({ queryKey: ["sessions"] }); }, onError: (e) => toast(errorMessage(e), "error") });
  return (
    <Card title="Where you're signed in">
      {list.isLoading ? <SkeletonRows rows={2} /> : list.isError ? <ErrorState error={list.error} onRetry={() => list.refetch()} /> : (
        <ul className="divide-y divide-line">
          {(list.data ?? []).map((s) => (
            <li key={s.id} className="flex items-center gap-3 px-4 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{s.userAgent ?? "Unknown device"} {s.current && <Badge tone="green">this device</Badge>}</p>
                <p className="text-xs text-muted">{s.ipAddress ?? ""} · last active {relativeFromNow(Date.parse(s.lastUsedAt ?? s.createdAt))}</p>
              </div>
              {!s.current && <button type="button" className="btn-ghost py-1 text-red-600 dark:text-red-400" onClick={() => revoke.mutate(s.id)}>Sign out</button>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
