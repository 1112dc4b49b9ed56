import { api, type Page } from "./client";
import type { LoginResult, MasqueradeStart, MasqueradeStop, Me, RegisterInput, Role, Session } from "./types";

export const authApi = {
  me: () => api.get<Me>("/api/auth/me/"),
  login: (email: string, password: string) => api.post<LoginResult>("/api/auth/login/", { email, password }),
  verifyMfa: (mfaToken: string, code: string) => api.post<LoginResult>("/api/auth/mfa/verify/", { mfaToken, code }),
  /** Customer sign-up on a tenant host (new; 404/405 on servers without it). */
  register: (body: RegisterInput) => api.post<LoginResult>("/api/auth/register/", body),
  /**
   * Whether this server has customer sign-up, read from its OpenAPI document
   * (the router answers 404 to any method a path lacks, so probing cannot
   * tell). Only the sign-up page asks; when the document cannot be read the
   * form is shown and a 404 on submit explains instead.
   */
  canRegister: async (): Promise<boolean> => {
    try {
      const doc = await api.get<{ paths?: Record<string, unknown> }>("/api/openapi.json");
      return !doc?.paths || "/api/auth/register" in doc.paths || "/api/auth/register/" in doc.paths;
    } catch {
      return true;
    }
  },
  logout: () => api.post<void>("/api/auth/logout/"),
  forgot: (email: string) => api.post<void>("/api/auth/password/forgot/", { email }),
  reset: (token: string, password: string) => api.post<void>("/api/auth/password/reset/", { token, password }),
  verifyEmail: (token: string) => api.post<{ verified: boolean }>("/api/auth/verify-email/", { token }),
  invitation: (token: string) =>
    api.get<{ email: string; role: Role; businessName: string | null }>(`/api/auth/invitations/${encodeURIComponent(token)}/`),
  acceptInvitation: (token: string, name: string, password: string) =>
    api.post<LoginResult>("/api/auth/invitations/accept/", { token, name, password }),
  mfaSetup: () => api.post<{ secret: string; otpauthUri: string }>("/api/auth/mfa/setup/"),
  mfaConfirm: (code: string) => api.post<{ recoveryCodes: string[] }>("/api/auth/mfa/confirm/", { code }),
  mfaDisable: (password: string, code: string) => api.post<void>("/api/auth/mfa/disable/", { password, code }),
  sessions: () => api.get<Page<Session>>("/api/auth/sessions/"),
  revokeSession: (id: string) => api.del(`/api/auth/sessions/${id}/`),
  masquerade: (userId: string, reason: string) =>
    api.post<MasqueradeStart>("/api/auth/masquerade/", { userId, reason }),
  masqueradeExchange: (code: string) => api.post<MasqueradeStart>("/api/auth/masquerade/exchange/", { code }),
  masqueradeStop: () => api.post<MasqueradeStop>("/api/auth/masquerade/stop/"),
};
