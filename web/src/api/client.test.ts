import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient, fieldErrorsOf, humanMessage, readCookie, unwrap, withQuery } from "./client";

describe("api client helpers", () => {
  it("maps problem field locations to form fields", () => {
    expect(fieldErrorsOf({ status: 400, errors: [
      { location: "body.email", message: "taken" },
      { location: "body.customer.name", message: "required" },
      { location: "query.service_id", message: "bad" },
    ] })).toEqual({ email: "taken", "customer.name": "required", service_id: "bad" });
  });
  it("prefers the server's detail, then a friendly fallback", () => {
    expect(humanMessage({ status: 409, detail: "Dr. Who is busy 09:00–09:30" })).toBe("Dr. Who is busy 09:00–09:30");
    expect(humanMessage({ status: 429 })).toMatch(/Too many/);
    expect(humanMessage({ status: 503, title: "x" })).toMatch(/temporarily unavailable/);
    expect(new ApiError({ status: 0 }).message).toMatch(/reach the server/);
  });
  it("reads the CSRF cookie and builds queries", () => {
    expect(readCookie("ss_csrf", "a=1; ss_csrf=abc%3D; b=2")).toBe("abc=");
    expect(readCookie("ss_csrf", "a=1")).toBeNull();
    expect(withQuery("/api/x/", { a: "1", b: undefined, c: "", ids: ["p", "q"] })).toBe("/api/x/?a=1&ids=p%2Cq");
  });
});

describe("the typed client", () => {
  const answer = (status: number, body?: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  function recording(res: () => Response | Promise<Response>) {
    const sent: Request[] = [];
    vi.stubGlobal("fetch", async (req: Request) => { sent.push(req); return res(); });
    return sent;
  }
  beforeEach(() => vi.stubGlobal("document", { cookie: "ss_csrf=tok%3D" }));
  afterEach(() => vi.unstubAllGlobals());
  const api = createApiClient("http://acme.localhost");

  it("sends the path with the trailing slash, the query the server reads, and no CSRF token on GET", async () => {
    const sent = recording(() => answer(200, { count: 0, next: null, previous: null, results: null }));
    const page = await unwrap(api.GET("/api/appointments", { params: { query: { start_date: "2026-01-01", resource_ids: ["a", "b"], status: [] } } }));
    expect(page.results).toEqual([]);
    expect(sent[0]!.url).toBe("http://acme.localhost/api/appointments/?start_date=2026-01-01&resource_ids=a%2Cb");
    expect(sent[0]!.credentials).toBe("same-origin");
    expect(sent[0]!.headers.get("X-CSRF-Token")).toBeNull();
  });
  it("puts the CSRF cookie's token on unsafe methods and encodes path parameters", async () => {
    const sent = recording(() => new Response(null, { status: 204 }));
    await unwrap(api.DELETE("/api/business/domains/{domain}", { params: { path: { domain: "a b.com" } } }));
    expect(sent[0]!.method).toBe("DELETE");
    expect(sent[0]!.url).toBe("http://acme.localhost/api/business/domains/a%20b.com/");
    expect(sent[0]!.headers.get("X-CSRF-Token")).toBe("tok=");
  });
  it("throws a problem as ApiError with its field errors", async () => {
    recording(() => answer(400, { title: "Bad Request", errors: [{ location: "body.email", message: "taken" }] }));
    const e = await unwrap(api.POST("/api/auth/login", { body: { email: "a@b.c", password: "x" } })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(400);
    expect((e as ApiError).fieldErrors).toEqual({ email: "taken" });
  });
  it("turns a failed fetch into status 0", async () => {
    recording(() => Promise.reject(new TypeError("Failed to fetch")));
    const e = await unwrap(api.GET("/api/auth/me")).catch((x: unknown) => x);
    expect((e as ApiError).status).toBe(0);
  });
});
