import { api, type Page } from "./client";
import type { LoginResult, MasqueradeStart, MasqueradeStop, Me, Role, Session } from "./types";

export const authApi = {
  me: () => api.get<Me>("/api/auth/me/"),
  login: (email: string, password: string) => api.post<LoginResult>("/api/auth/login/", { email, password }),
  verifyMfa: (mfaToken: string, code: string) => api.post<LoginResult>("/api/auth/mfa/verify/", { mfaToken, code }),
  logout: () => api.post<void>("/api/auth/logout/"),
  forgot: (email: string) => api.post<void>("/api/auth/password/forgot/", { email }),
  reset: (token: string, password: string) => api.post<void>("/api/auth/password/reset/", { token, password }),
  invitation: (token: string) =>
    api.get<{ email: string; role: Role; businessName: string | null }>(`/api/auth/invitations/${encodeURIComponent(token)}/`),
  acceptInvitation: (token: string, name: string, password: string) =>
    api.post<LoginResult>("/api/auth/invitations/accept/", { token, name, password }),
  mfaSetup: () => api.post<{ secret: string; otpauthUri: string }>("/api/auth/mfa/setup/"),
  mfaConfirm: (code: string) => api.post<{ recoveryCodes: string[] }>("/api/auth/mfa/confirm/", { code }),
  mfaDisable: (password: string) => api.post<void>("/api/auth/mfa/disable/", { password }),
  sessions: () => api.get<Page<Session>>("/api/auth/sessions/"),
  revokeSession: (id: string) => api.del(`/api/auth/sessions/${id}/`),
  masquerade: (userId: string, reason: string) =>
    api.post<MasqueradeStart>("/api/auth/masquerade/", { userId, reason }),
  masqueradeExchange: (code: string) => api.post<MasqueradeStart>("/api/auth/masquerade/exchange/", { code }),
  masqueradeStop: () => api.post<MasqueradeStop>("/api/auth/masquerade/stop/"),
};
