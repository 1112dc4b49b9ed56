import { describe, expect, it } from "vitest";
import { ApiError, fieldErrorsOf, humanMessage, readCookie, withQuery } from "./client";

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
