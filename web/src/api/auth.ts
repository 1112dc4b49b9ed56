import { client, unwrap } from "./client";
import type { LoginBody, LoginResult, RegisterInput } from "./types";

const { GET, POST, DELETE } = client;

/** The server answers one shape with optional fields; the app reads its two cases. */
const loginResult = (b: LoginBody): LoginResult =>
  b.mfaRequired && b.mfaToken ? { mfaRequired: true, mfaToken: b.mfaToken } : { ...b, mfaRequired: false };

export const authApi = {
  me: () => unwrap(GET("/api/auth/me")),
  login: (email: string, password: string) => unwrap(POST("/api/auth/login", { body: { email, password } })).then(loginResult),
  verifyMfa: (mfaToken: string, code: string) => unwrap(POST("/api/auth/mfa/verify", { body: { mfaToken, code } })).then(loginResult),
  /** Customer sign-up on a tenant host. */
  register: (body: RegisterInput) => unwrap(POST("/api/auth/register", { body })).then(loginResult),
  logout: () => unwrap(POST("/api/auth/logout")),
  forgot: (email: string) => unwrap(POST("/api/auth/password/forgot", { body: { email } })),
  reset: (token: string, password: string) => unwrap(POST("/api/auth/password/reset", { body: { token, password } })),
  verifyEmail: (token: string) => unwrap(POST("/api/auth/verify-email", { body: { token } })),
  invitation: (token: string) => unwrap(GET("/api/auth/invitations/{token}", { params: { path: { token } } })),
  acceptInvitation: (token: string, name: string, password: string) =>
    unwrap(POST("/api/auth/invitations/accept", { body: { token, name, password } })).then(loginResult),
  mfaSetup: () => unwrap(POST("/api/auth/mfa/setup")),
  mfaConfirm: (code: string) => unwrap(POST("/api/auth/mfa/confirm", { body: { code } })),
  mfaDisable: (password: string, code: string) => unwrap(POST("/api/auth/mfa/disable", { body: { password, code } })),
  sessions: () => unwrap(GET("/api/auth/sessions")),
  revokeSession: (id: string) => unwrap(DELETE("/api/auth/sessions/{id}", { params: { path: { id } } })),
  masquerade: (userId: string, reason: string) => unwrap(POST("/api/auth/masquerade", { body: { userId, reason } })),
  masqueradeExchange: (code: string) => unwrap(POST("/api/auth/masquerade/exchange", { body: { code } })),
  masqueradeStop: () => unwrap(POST("/api/auth/masquerade/stop")),
};
