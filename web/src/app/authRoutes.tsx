import { lazy } from "react";
import { Route } from "react-router";

const Auth = {
  Login: lazy(() => import("../auth/AuthPages").then((m) => ({ default: m.LoginPage }))),
  Forgot: lazy(() => import("../auth/AuthPages").then((m) => ({ default: m.ForgotPasswordPage }))),
  Reset: lazy(() => import("../auth/AuthPages").then((m) => ({ default: m.ResetPasswordPage }))),
  Accept: lazy(() => import("../auth/AuthPages").then((m) => ({ default: m.AcceptInvitationPage }))),
  Verify: lazy(() => import("../auth/AuthPages").then((m) => ({ default: m.VerifyEmailPage }))),
  Masq: lazy(() => import("../auth/AuthPages").then((m) => ({ default: m.MasqueradeExchangePage }))),
};

/** Routes every host has (sign-in, password reset, email verification, invitations, masquerade hand-off). */
export const authRoutes = [
  <Route key="login" path="/login" element={<Auth.Login />} />,
  <Route key="forgot" path="/forgot-password" element={<Auth.Forgot />} />,
  <Route key="reset" path="/reset-password" element={<Auth.Reset />} />,
  <Route key="accept" path="/accept-invitation" element={<Auth.Accept />} />,
  <Route key="verify" path="/verify-email" element={<Auth.Verify />} />,
  <Route key="masq" path="/auth/masquerade" element={<Auth.Masq />} />,
];
