import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authApi } from "../api/auth";
import { ApiError, errorMessage } from "../api/client";
import type { LoginResult } from "../api/types";
import { useConfig } from "../app/config-context";
import { Alert, Skeleton, Spinner, titleCase } from "../ui/feedback";
import { TextField } from "../ui/Field";
import { isEmpty, validateAcceptInvitation, validateLogin, validateMfaCode, validateNewPassword, emailError } from "../lib/validation";
import { meKey } from "./session";
import { Brand } from "../app/Brand";

export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-canvas px-4 py-10">
      <div className="mb-8"><Brand /></div>
      <main className="w-full max-w-sm">
        <div className="card p-6 sm:p-8">
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          {subtitle && <p className="mt-1 text-sm text-muted">{subtitle}</p>}
          <div className="mt-6">{children}</div>
        </div>
        {footer && <div className="mt-6 text-center text-sm text-muted">{footer}</div>}
      </main>
    </div>
  );
}

function Submit({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="btn-primary w-full py-2.5" disabled={busy}>
      {busy && <Spinner />} {children}
    </button>
  );
}

/** A same-site path to go to after signing in; anything else (another host, "//x", "/\\x") goes home. */
export function safeNext(v: string | null): string {
  return v && /^\/(?![\/\\])/.test(v) && !/[\u0000-\u001f]/.test(v) ? v : "/";
}

export function LoginPage() {
  const cfg = useConfig();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => { if (mfaToken) codeRef.current?.focus(); }, [mfaToken]);

  const finish = async (r: LoginResult) => {
    if ("mfaRequired" in r && r.mfaRequired) {
      setMfaToken(r.mfaToken);
      return;
    }
    await qc.invalidateQueries({ queryKey: meKey });
    navigate(next, { replace: true });
  };
  const fail = (e: unknown) => {
    if (e instanceof ApiError) {
      setErrors(e.fieldErrors);
      setFormError(e.status === 401 ? (e.problem.detail || "That email and password don't match an account here.") : e.message);
    } else setFormError(errorMessage(e));
  };

  const submitPassword = async (ev: FormEvent) => {
    ev.preventDefault();
    const v = validateLogin({ email, password });
    setErrors(v);
    setFormError(null);
    if (!isEmpty(v)) return;
    setBusy(true);
    try { await finish(await authApi.login(email.trim(), password)); } catch (e) { fail(e); } finally { setBusy(false); }
  };
  const submitCode = async (ev: FormEvent) => {
    ev.preventDefault();
    const v = validateMfaCode(code);
    setErrors({ code: v });
    setFormError(null);
    if (v || !mfaToken) return;
    setBusy(true);
    try { await finish(await authApi.verifyMfa(mfaToken, code.replace(/\s+/g, ""))); } catch (e) {
      if (e instanceof ApiError && e.status === 401 && /expired/i.test(e.problem.detail ?? "")) setMfaToken(null);
      fail(e);
    } finally { setBusy(false); }
  };

  const where = cfg.site === "platform" ? "the platform console" : cfg.tenant?.name ?? "SmoothSchedule";
  if (mfaToken) {
    return (
      <AuthLayout title="Two-step verification" subtitle="Enter the 6-digit code from your authenticator app, or a recovery code.">
        <form onSubmit={submitCode} noValidate className="space-y-4">
          {formError && <Alert>{formError}</Alert>}
          <TextField ref={codeRef} label="Verification code" name="code" inputMode="numeric" autoComplete="one-time-code"
            value={code} onChange={(e) => setCode(e.target.value)} error={errors.code} />
          <Submit busy={busy}>Verify</Submit>
          <button type="button" className="btn-ghost w-full" onClick={() => { setMfaToken(null); setCode(""); setFormError(null); }}>
            Use a different account
          </button>
        </form>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Sign in" subtitle={<>to {where}</>}
      footer={cfg.site === "tenant" ? <>New here? <Link className="font-medium text-brand hover:underline" to={`/signup${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`}>Create an account</Link> or <Link className="font-medium text-brand hover:underline" to="/">book as a guest</Link></> : null}>
      <form onSubmit={submitPassword} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Email" name="email" type="email" autoComplete="username" autoFocus value={email}
          onChange={(e) => setEmail(e.target.value)} error={errors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" value={password}
          onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        <div className="flex justify-end">
          <Link to="/forgot-password" className="text-sm font-medium text-brand hover:underline">Forgot password?</Link>
        </div>
        <Submit busy={busy}>Sign in</Submit>
      </form>
    </AuthLayout>
  );
}

export function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const v = emailError(email);
    setError(v);
    if (v) return;
    setBusy(true);
    try { await authApi.forgot(email.trim()); setSent(true); } catch (e) { setError(errorMessage(e)); } finally { setBusy(false); }
  };
  return (
    <AuthLayout title="Reset your password" subtitle="We'll email you a link to choose a new one."
      footer={<Link to="/login" className="font-medium text-brand hover:underline">Back to sign in</Link>}>
      {sent ? (
        <Alert tone="success" title="Check your inbox">If an account exists for {email}, a reset link is on its way. It expires soon, so use it today.</Alert>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          <TextField label="Email" type="email" autoComplete="email" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} error={error} />
          <Submit busy={busy}>Send reset link</Submit>
        </form>
      )}
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const v = validateNewPassword({ password, confirm });
    setErrors(v);
    setFormError(null);
    if (!isEmpty(v)) return;
    setBusy(true);
    try { await authApi.reset(token, password); setDone(true); setTimeout(() => navigate("/login"), 2500); } catch (e) {
      if (e instanceof ApiError) { setErrors(e.fieldErrors); setFormError(e.message); } else setFormError(errorMessage(e));
    } finally { setBusy(false); }
  };
  if (!token) return <AuthLayout title="Reset link missing"><Alert>This page needs the link from your email. <Link className="underline" to="/forgot-password">Request a new one</Link>.</Alert></AuthLayout>;
  return (
    <AuthLayout title="Choose a new password" footer={<Link to="/login" className="font-medium text-brand hover:underline">Back to sign in</Link>}>
      {done ? <Alert tone="success" title="Password changed">You can now sign in with your new password.</Alert> : (
        <form onSubmit={submit} noValidate className="space-y-4">
          {formError && <Alert>{formError}</Alert>}
          <TextField label="New password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} hint="At least 10 characters." />
          <TextField label="Confirm new password" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} />
          <Submit busy={busy}>Change password</Submit>
        </form>
      )}
    </AuthLayout>
  );
}

/** Redeems the link mailed at sign-up: the login is linked to the business's
 * customer record for that email, and earlier bookings appear in the portal. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const qc = useQueryClient();
  const verify = useMutation({
    mutationFn: () => authApi.verifyEmail(token),
    onSuccess: () => { void qc.invalidateQueries(); },
  });
  const { mutate } = verify;
  const sent = useRef(false); // a link redeems once, even when effects run twice
  useEffect(() => { if (token && !sent.current) { sent.current = true; mutate(); } }, [token, mutate]);
  if (!token) return <AuthLayout title="Verification link missing"><Alert>This page needs the link from your email.</Alert></AuthLayout>;
  return (
    <AuthLayout title="Confirm your email" footer={<Link to="/portal" className="font-medium text-brand hover:underline">Go to my appointments</Link>}>
      {verify.isSuccess ? <Alert tone="success" title="Email confirmed">Your bookings made with this email are now in your account.</Alert>
        : verify.isError ? <Alert>{errorMessage(verify.error)} Sign in and ask for a new link from your account page.</Alert>
        : <p className="text-sm text-gray-600">Confirming…</p>}
    </AuthLayout>
  );
}

export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const qc = useQueryClient();
  const inv = useQuery({ queryKey: ["invitation", token], queryFn: () => authApi.invitation(token), enabled: !!token, retry: false });
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const v = validateAcceptInvitation({ name, password, confirm });
    setErrors(v);
    setFormError(null);
    if (!isEmpty(v)) return;
    setBusy(true);
    try {
      await authApi.acceptInvitation(token, name.trim(), password);
      await qc.invalidateQueries({ queryKey: meKey });
      navigate("/", { replace: true });
    } catch (e) {
      if (e instanceof ApiError) { setErrors(e.fieldErrors); setFormError(e.message); } else setFormError(errorMessage(e));
    } finally { setBusy(false); }
  };
  if (!token || inv.isError) {
    return <AuthLayout title="Invitation not valid"><Alert>{token ? errorMessage(inv.error) : "This page needs the link from your invitation email."} Ask whoever invited you to send a new invitation.</Alert></AuthLayout>;
  }
  return (
    <AuthLayout title="Accept your invitation"
      subtitle={inv.data ? <>Join <strong>{inv.data.businessName ?? "SmoothSchedule"}</strong> as {titleCase(inv.data.role)}</> : <Skeleton className="h-4 w-48" />}>
      <form onSubmit={submit} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Email" value={inv.data?.email ?? ""} readOnly disabled />
        <TextField label="Your name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <TextField label="Password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} hint="At least 10 characters." />
        <TextField label="Confirm password" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} />
        <Submit busy={busy || inv.isLoading}>Create account</Submit>
      </form>
    </AuthLayout>
  );
}

/** /auth/masquerade?code=… on the target host: trade the one-time code for a session. */
export function MasqueradeExchangePage() {
  const [params] = useSearchParams();
  const code = params.get("code") ?? "";
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!code) { setError("This link has no masquerade code."); return; }
    authApi.masqueradeExchange(code)
      .then(() => window.location.replace("/"))
      .catch((e) => setError(errorMessage(e)));
  }, [code]);
  return (
    <AuthLayout title={error ? "Couldn't start masquerade" : "Switching user…"}>
      {error ? <Alert>{error} Masquerade links work once and expire after a minute; start again from the platform console.</Alert>
        : <div role="status" className="flex items-center gap-3 text-sm text-muted"><Spinner /> Signing you in as the selected user…</div>}
    </AuthLayout>
  );
}

/**
 * Customer sign-up on a tenant's site (POST /api/auth/register/): the new login
 * is linked to the business's customer record with the same email, so bookings
 * made earlier as a guest show in the portal. A 404 (no business on this
 * host takes sign-ups) gets an explanation instead of the form.
 */
export function SignUpPage() {
  const cfg = useConfig();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next") ?? "/portal");
  const [f, setF] = useState({ name: "", email: params.get("email") ?? "", password: "", confirm: "" });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);
  const [closed, setClosed] = useState(false);
  const where = cfg.tenant?.name ?? "this business";
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const v = { ...validateAcceptInvitation(f), email: emailError(f.email) };
    if (!v.email) delete v.email;
    setErrors(v);
    setFormError(null);
    if (!isEmpty(v)) return;
    setBusy(true);
    try {
      await authApi.register({ name: f.name.trim(), email: f.email.trim(), password: f.password });
      await qc.invalidateQueries({ queryKey: meKey });
      navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) setClosed(true);
      else if (e instanceof ApiError) {
        setErrors(e.fieldErrors);
        setFormError(e.fieldErrors.email && /exist|already|taken|use/i.test(e.fieldErrors.email)
          ? <>{e.fieldErrors.email} <Link className="font-medium underline" to={`/login?next=${encodeURIComponent(next)}`}>Sign in instead</Link>.</>
          : e.message);
      } else setFormError(errorMessage(e));
    } finally { setBusy(false); }
  };
  if (closed) {
    return (
      <AuthLayout title="Accounts aren't open yet" subtitle={<>on {where}</>}
        footer={<Link className="font-medium text-brand hover:underline" to="/login">Already have an account? Sign in</Link>}>
        <p className="text-sm text-muted">You can still book as a guest: the confirmation e-mail has a link to change or cancel your booking.</p>
        <Link to="/" className="btn-primary mt-5 w-full py-2.5">Book an appointment</Link>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Create your account" subtitle={<>at {where}. Bookings you made with the same email show up in your account.</>}
      footer={<>Already have an account? <Link className="font-medium text-brand hover:underline" to={`/login?next=${encodeURIComponent(next)}`}>Sign in</Link></>}>
      <form onSubmit={submit} noValidate className="space-y-4">
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Full name" name="name" autoComplete="name" autoFocus value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} error={errors.name} />
        <TextField label="Email" name="email" type="email" autoComplete="email" value={f.email} onChange={(e) => setF({ ...f, email: e.target.value })} error={errors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="new-password" value={f.password}
          onChange={(e) => setF({ ...f, password: e.target.value })} error={errors.password} hint="At least 10 characters." />
        <TextField label="Confirm password" name="confirm" type="password" autoComplete="new-password" value={f.confirm}
          onChange={(e) => setF({ ...f, confirm: e.target.value })} error={errors.confirm} />
        <Submit busy={busy}>Create account</Submit>
      </form>
    </AuthLayout>
  );
}
