// The one HTTP client: openapi-fetch over the generated `paths`, with the
// cookie session (credentials: "same-origin"), the CSRF header on every
// non-GET request, and RFC 9457 problem JSON turned into ApiError. No token
// is ever read or stored by the browser code.
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema.gen";

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

/**
 * Query strings as the server reads them: empty values are left out and
 * arrays are sent comma-separated (`resource_ids=a,b`).
 */
function serializeQuery(q: Record<string, unknown>): string {
  return withQuery("", q as Query).replace(/^\?/, "");
}

/**
 * The browser session's half of every request: the CSRF token (from the
 * `ss_csrf` cookie) on unsafe methods, and a failed fetch (offline, DNS, a
 * refused connection) as an ApiError with status 0. An abort stays an abort.
 */
const session: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET" && request.method !== "HEAD") {
      const csrf = readCookie("ss_csrf");
      if (csrf) request.headers.set("X-CSRF-Token", csrf);
    }
    return request;
  },
  onError({ error }) {
    if (error instanceof DOMException && error.name === "AbortError") return; // rethrown as it is
    return new ApiError({ status: 0 });
  },
};

/**
 * A client typed by the server's OpenAPI document (`paths` in schema.gen.ts):
 * a path, method, parameter or body the server does not have fails `tsc`.
 * Paths are written as the document names them and sent with the trailing
 * slash the app has always used (the server answers both; logs, metrics and
 * the browser tests see one form). `baseUrl` is for tests; the app calls its
 * own origin.
 */
export function createApiClient(baseUrl = "") {
  /** openapi-fetch builds every request with this class, which adds the slash. */
  class SlashedRequest extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === "string" ? input.replace(/^([^?#]*[^/?#])(?=[?#]|$)/, "$1/") : input, init);
    }
  }
  const c = createClient<paths>({
    baseUrl,
    Request: SlashedRequest,
    credentials: "same-origin",
    headers: { Accept: "application/json, application/problem+json" },
    querySerializer: serializeQuery,
    // Looked up on each call, so a test can replace fetch after this module loads.
    fetch: (req) => globalThis.fetch(req),
  });
  c.use(session);
  return c;
}

/** The app's client; the modules of src/api/ are its only callers. */
export const client = createApiClient();

type Method = "get" | "put" | "post" | "patch" | "delete";
/** The query parameters of an operation, as the server declares them. */
export type QueryOf<P extends keyof paths, M extends Method = "get"> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** The JSON body of an operation, as the server declares it. */
export type BodyOf<P extends keyof paths, M extends Method> =
  paths[P][M] extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;

type Answer<D> = { data?: D; error?: unknown; response: Response };

/**
 * A list's `results` are an array. The document types them as nullable (a
 * Go slice); the server always sends one, and the app need not check.
 */
type Listed<D> = D extends { results: (infer T)[] | null } ? Omit<D, "results"> & { results: T[] } : D;
type Data<D> = [D] extends [never] ? void : Listed<D>;

/**
 * The data of a successful answer (nothing for 204), or the problem document
 * of a failed one thrown as ApiError: the calling code only sees the happy
 * path's type.
 */
export async function unwrap<D>(answer: Promise<Answer<D>>): Promise<Data<D>> {
  const { data, error, response } = await answer;
  if (!response.ok) {
    const p: Problem = error && typeof error === "object" ? { ...(error as Problem), status: response.status } : { status: response.status };
    throw new ApiError(p);
  }
  if (data && typeof data === "object" && "results" in data && data.results === null) return { ...data, results: [] } as Data<D>;
  return data as Data<D>;
}

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
