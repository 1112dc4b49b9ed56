// The one HTTP client: cookie session (credentials: "same-origin"), CSRF
// header on every non-GET request, RFC 9457 problem JSON turned into ApiError.
// No token is ever read or stored by the browser code.

export interface ProblemFieldError {
  location: string;
  message: string;
}

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  errors?: ProblemFieldError[];
  conflictingAppointmentId?: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(humanMessage(problem));
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }
  /** Field errors keyed by form field: "body.email" → "email", "body.customer.name" → "customer.name". */
  get fieldErrors(): Record<string, string> {
    return fieldErrorsOf(this.problem);
  }
}

export function fieldErrorsOf(p: Problem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of p.errors ?? []) {
    const loc = e.location ?? "";
    const field = loc.startsWith("body.") ? loc.slice(5) : loc.startsWith("query.") ? loc.slice(6) : loc;
    if (field && !(field in out)) out[field] = e.message;
  }
  return out;
}

const FALLBACK: Record<number, string> = {
  0: "We couldn't reach the server. Check your connection and try again.",
  400: "Some of the information isn't valid.",
  401: "Please sign in to continue.",
  403: "You don't have permission to do that.",
  404: "We couldn't find that.",
  409: "That clashes with something that already exists.",
  413: "That file is too large.",
  429: "Too many attempts. Please wait a moment and try again.",
  500: "Something went wrong on our side. Please try again.",
  502: "The service is restarting. Please try again in a moment.",
  503: "The service is temporarily unavailable. Please try again shortly.",
};

/** A sentence a person can act on, from a problem document. */
export function humanMessage(p: Problem): string {
  if (p.detail && p.detail.trim()) return p.detail.trim();
  const first = p.errors?.[0];
  if (first?.message) return first.message;
  return FALLBACK[p.status] ?? (p.status >= 500 ? FALLBACK[500]! : p.title || "Something went wrong.");
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return "Something went wrong.";
}

export function readCookie(name: string, cookie = typeof document === "undefined" ? "" : document.cookie): string | null {
  for (const part of cookie.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

export type Query = Record<string, string | number | boolean | null | undefined | string[]>;

export function withQuery(path: string, q?: Query): string {
  if (!q) return path;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) {
      if (v.length) sp.set(k, v.join(","));
    } else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `${path}${path.includes("?") ? "&" : "?"}${s}` : path;
}

export interface RequestOptions {
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json", ...opts.headers };
  const init: RequestInit = { method, credentials: "same-origin", headers };
  if (opts.signal) init.signal = opts.signal;
  if (method !== "GET" && method !== "HEAD") {
    const csrf = readCookie("ss_csrf");
    if (csrf) headers["X-CSRF-Token"] = csrf;
  }
  if (body !== undefined) {
    if (body instanceof FormData) init.body = body;
    else {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError({ status: 0 });
  }
  if (res.status === 204 || res.status === 205) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const p: Problem = data && typeof data === "object" ? { ...(data as Problem), status: res.status } : { status: res.status };
    throw new ApiError(p);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: RequestOptions) => request<T>("GET", path, undefined, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>("POST", path, body ?? {}, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>("PUT", path, body, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>("PATCH", path, body, opts),
  del: <T = void>(path: string, opts?: RequestOptions) => request<T>("DELETE", path, undefined, opts),
};

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** Lists come paginated; a few endpoints may answer a bare array. */
export function resultsOf<T>(v: Page<T> | T[] | undefined | null): T[] {
  if (!v) return [];
  return Array.isArray(v) ? v : v.results ?? [];
}
