import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { z } from "zod";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authApi } from "../api/auth";
import { ApiError, errorMessage } from "../api/client";
import type { LoginResult } from "../api/types";
import { useConfig } from "../app/config-context";
import { Alert, Skeleton, Spinner, titleCase } from "../ui/feedback";
import { TextField } from "../ui/Field";
import { acceptInvitationSchema, email, loginSchema, mfaCodeSchema, newPasswordSchema, signUpSchema } from "../lib/validation";
import { applyServerError, FormAlert, useAppForm } from "../ui/form";
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
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const pw = useAppForm({ email: "", password: "" }, loginSchema);
  const mfa = useAppForm({ code: "" }, mfaCodeSchema);
  const busy = pw.formState.isSubmitting || mfa.formState.isSubmitting;
  const { setFocus } = mfa;
  useEffect(() => { if (mfaToken) setFocus("code"); }, [mfaToken, setFocus]);

  const finish = async (r: LoginResult) => {
    if ("mfaRequired" in r && r.mfaRequired) {
      setMfaToken(r.mfaToken);
      return;
    }
    await qc.invalidateQueries({ queryKey: meKey });
    navigate(next, { replace: true });
  };
  const wrongPassword = (m: string, e: unknown) =>
    e instanceof ApiError && e.status === 401 ? (e.problem.detail || "That email and password don't match an account here.") : m;

  const submitPassword = pw.handleSubmit(async (v) => {
    try { await finish(await authApi.login(v.email, v.password)); } catch (e) { applyServerError(pw, e, { message: wrongPassword }); }
  });
  const submitCode = mfa.handleSubmit(async (v) => {
    if (!mfaToken) return;
    try { await finish(await authApi.verifyMfa(mfaToken, v.code)); } catch (e) {
      // An expired sign-in starts over: the message shows on the password form.
      if (e instanceof ApiError && e.status === 401 && /expired/i.test(e.problem.detail ?? "")) {
        setMfaToken(null);
        mfa.reset();
        applyServerError(pw, e, { message: wrongPassword });
      } else applyServerError(mfa, e, { message: wrongPassword });
    }
  });

  const where = cfg.site === "platform" ? "the platform console" : cfg.tenant?.name ?? "SmoothSchedule";
  if (mfaToken) {
    const { errors } = mfa.formState;
    return (
      <AuthLayout title="Two-step verification" subtitle="Enter the 6-digit code from your authenticator app, or a recovery code.">
        <form onSubmit={submitCode} noValidate className="space-y-4">
          <FormAlert errors={errors} />
          <TextField label="Verification code" inputMode="numeric" autoComplete="one-time-code" {...mfa.register("code")} error={errors.code?.message} />
          <Submit busy={busy}>Verify</Submit>
          <button type="button" className="btn-ghost w-full" onClick={() => { setMfaToken(null); mfa.reset(); }}>
            Use a different account
          </button>
        </form>
      </AuthLayout>
    );
  }
  const { errors } = pw.formState;
  return (
    <AuthLayout title="Sign in" subtitle={<>to {where}</>}
      footer={cfg.site === "tenant" ? <>New here? <Link className="font-medium text-brand hover:underline" to={`/signup${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`}>Create an account</Link> or <Link className="font-medium text-brand hover:underline" to="/">book as a guest</Link></> : null}>
      <form onSubmit={submitPassword} noValidate className="space-y-4">
        <FormAlert errors={errors} />
        <TextField label="Email" type="email" autoComplete="username" autoFocus {...pw.register("email")} error={errors.email?.message} />
        <TextField label="Password" type="password" autoComplete="current-password" {...pw.register("password")} error={errors.password?.message} />
        <div className="flex justify-end">
          <Link to="/forgot-password" className="text-sm font-medium text-brand hover:underline">Forgot password?</Link>
        </div>
        <Submit busy={busy}>Sign in</Submit>
      </form>
    </AuthLayout>
  );
}

export function ForgotPasswordPage() {
  const [sent, setSent] = useState<string | null>(null);
  const form = useAppForm({ email: "" }, z.object({ email: email() }));
  const { errors, isSubmitting } = form.formState;
  // Any failure shows under the one field.
  const submit = form.handleSubmit(async (v) => {
    try { await authApi.forgot(v.email); setSent(v.email); } catch (e) { form.setError("email", { type: "server", message: errorMessage(e) }); }
  });
  return (
    <AuthLayout title="Reset your password" subtitle="We'll email you a link to choose a new one."
      footer={<Link to="/login" className="font-medium text-brand hover:underline">Back to sign in</Link>}>
      {sent !== null ? (
        <Alert tone="success" title="Check your inbox">If an account exists for {sent}, a reset link is on its way. It expires soon, so use it today.</Alert>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          <TextField label="Email" type="email" autoComplete="email" autoFocus {...form.register("email")} error={errors.email?.message} />
          <Submit busy={isSubmitting}>Send reset link</Submit>
        </form>
      )}
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const [done, setDone] = useState(false);
  const form = useAppForm({ password: "", confirm: "" }, newPasswordSchema);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    try { await authApi.reset(token, v.password); setDone(true); setTimeout(() => navigate("/login"), 2500); } catch (e) { applyServerError(form, e); }
  });
  if (!token) return <AuthLayout title="Reset link missing"><Alert>This page needs the link from your email. <Link className="underline" to="/forgot-password">Request a new one</Link>.</Alert></AuthLayout>;
  return (
    <AuthLayout title="Choose a new password" footer={<Link to="/login" className="font-medium text-brand hover:underline">Back to sign in</Link>}>
      {done ? <Alert tone="success" title="Password changed">You can now sign in with your new password.</Alert> : (
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormAlert errors={errors} />
          <TextField label="New password" type="password" autoComplete="new-password" {...form.register("password")} error={errors.password?.message} hint="At least 10 characters." />
          <TextField label="Confirm new password" type="password" autoComplete="new-password" {...form.register("confirm")} error={errors.confirm?.message} />
          <Submit busy={isSubmitting}>Change password</Submit>
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
  const form = useAppForm({ name: "", password: "", confirm: "" }, acceptInvitationSchema);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    try {
      await authApi.acceptInvitation(token, v.name, v.password);
      await qc.invalidateQueries({ queryKey: meKey });
      navigate("/", { replace: true });
    } catch (e) { applyServerError(form, e); }
  });
  if (!token || inv.isError) {
    return <AuthLayout title="Invitation not valid"><Alert>{token ? errorMessage(inv.error) : "This page needs the link from your invitation email."} Ask whoever invited you to send a new invitation.</Alert></AuthLayout>;
  }
  return (
    <AuthLayout title="Accept your invitation"
      subtitle={inv.data ? <>Join <strong>{inv.data.businessName ?? "SmoothSchedule"}</strong> as {titleCase(inv.data.role)}</> : <Skeleton className="h-4 w-48" />}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormAlert errors={errors} />
        <TextField label="Email" value={inv.data?.email ?? ""} readOnly disabled />
        <TextField label="Your name" autoComplete="name" {...form.register("name")} error={errors.name?.message} />
        <TextField label="Password" type="password" autoComplete="new-password" {...form.register("password")} error={errors.password?.message} hint="At least 10 characters." />
        <TextField label="Confirm password" type="password" autoComplete="new-password" {...form.register("confirm")} error={errors.confirm?.message} />
        <Submit busy={isSubmitting || inv.isLoading}>Create account</Submit>
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
  const form = useAppForm({ name: "", email: params.get("email") ?? "", password: "", confirm: "" }, signUpSchema);
  const { errors, isSubmitting } = form.formState;
  const [closed, setClosed] = useState(false);
  // An email that already has an account gets a way to sign in instead.
  const [taken, setTaken] = useState(false);
  const where = cfg.tenant?.name ?? "this business";
  const submit = (ev: FormEvent) => {
    setTaken(false);
    return form.handleSubmit(async (v) => {
      try {
        await authApi.register({ name: v.name, email: v.email, password: v.password });
        await qc.invalidateQueries({ queryKey: meKey });
        navigate(next, { replace: true });
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 405)) { setClosed(true); return; }
        const exists = e instanceof ApiError && /exist|already|taken|use/i.test(e.fieldErrors.email ?? "");
        setTaken(exists);
        applyServerError(form, e, { message: (m) => (exists && e instanceof ApiError ? e.fieldErrors.email! : m) });
      }
    })(ev);
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
        {errors.root?.server && (
          <Alert>{errors.root.server.message}{taken && <> <Link className="font-medium underline" to={`/login?next=${encodeURIComponent(next)}`}>Sign in instead</Link>.</>}</Alert>
        )}
        <TextField label="Full name" autoComplete="name" autoFocus {...form.register("name")} error={errors.name?.message} />
        <TextField label="Email" type="email" autoComplete="email" {...form.register("email")} error={errors.email?.message} />
        <TextField label="Password" type="password" autoComplete="new-password" {...form.register("password")} error={errors.password?.message} hint="At least 10 characters." />
        <TextField label="Confirm password" type="password" autoComplete="new-password" {...form.register("confirm")} error={errors.confirm?.message} />
        <Submit busy={isSubmitting}>Create account</Submit>
      </form>
    </AuthLayout>
  );
}
