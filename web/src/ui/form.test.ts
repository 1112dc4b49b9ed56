import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { applyServerError, hasPath, serverErrors, SERVER } from "./form";

const problem = (errors: { location: string; message: string }[], detail?: string, status = 422) =>
  new ApiError({ status, ...(detail ? { detail } : {}), errors });

/** A stand-in for react-hook-form's setError/getValues that records what the form would show. */
function fakeForm(values: Record<string, unknown>) {
  const shown: Record<string, string | undefined> = {};
  return {
    shown,
    getValues: () => values,
    setError: (name: string, e: { message?: string }) => { shown[name] = e.message; },
  };
}

describe("server errors on forms", () => {
  it("puts body and query field errors under the form's fields and the detail above them", () => {
    const e = problem([{ location: "body.email", message: "That email is taken." }, { location: "query.page", message: "Too far." }], "Some of the information isn't valid.");
    const out = serverErrors(e, (n) => n === "email" || n === "page");
    expect(out).toEqual({ fields: { email: "That email is taken.", page: "Too far." }, message: "Some of the information isn't valid." });
  });

  it("follows nested objects and array indices the way react-hook-form names fields", () => {
    const values = { customer: { name: "", email: "" }, hours: [{ openTime: "09:00" }] };
    const e = problem([{ location: "body.customer.email", message: "Bad email." }, { location: "body.hours[0].openTime", message: "Too early." }]);
    expect(serverErrors(e, (n) => hasPath(values, n)).fields).toEqual({ "customer.email": "Bad email.", "hours.0.openTime": "Too early." });
  });

  it("adds field errors that no field shows to the form-level message, once", () => {
    const e = problem([{ location: "body.name", message: "Name is taken." }, { location: "body.slug", message: "Slug is taken." }, { location: "body.other", message: "Slug is taken." }], "Couldn't save.");
    expect(serverErrors(e, (n) => n === "name")).toEqual({ fields: { name: "Name is taken." }, message: "Couldn't save. Slug is taken." });
  });

  it("without a detail, the first field error is the message, as everywhere else", () => {
    const e = problem([{ location: "body.email", message: "That email is taken." }]);
    expect(serverErrors(e, () => true)).toEqual({ fields: { email: "That email is taken." }, message: "That email is taken." });
  });

  it("renames server fields onto the form's own names", () => {
    const e = problem([{ location: "body.startTime", message: "That time isn't free." }]);
    expect(serverErrors(e, (n) => n === "time", { startTime: "time" }).fields).toEqual({ time: "That time isn't free." });
  });

  it("shows any other failure as a form-level message only", () => {
    expect(serverErrors(new ApiError({ status: 0 }), () => true)).toEqual({ fields: {}, message: expect.stringMatching(/couldn't reach the server/) });
    expect(serverErrors(new Error("Boom"), () => true)).toEqual({ fields: {}, message: "Boom" });
  });

  it("sets the errors on the form: known values, extra fields and the root message", () => {
    const form = fakeForm({ email: "a@b.co", password: "" });
    const e = problem([{ location: "body.email", message: "Taken." }, { location: "body.customerId", message: "Choose a customer." }, { location: "body.zzz", message: "Odd." }], "Check the form.");
    const out = applyServerError(form as never, e, { extraFields: ["customerId"], message: (m) => `Sorry: ${m}` });
    expect(form.shown).toEqual({ email: "Taken.", customerId: "Choose a customer.", [SERVER]: "Sorry: Check the form. Odd." });
    expect(out.message).toBe("Sorry: Check the form. Odd.");
  });

  it("knows which paths a form has", () => {
    const values = { a: { b: null }, list: ["x"] };
    expect(hasPath(values, "a.b")).toBe(true);
    expect(hasPath(values, "list.0")).toBe(true);
    expect(hasPath(values, "a.c")).toBe(false);
    expect(hasPath(values, "a.b.c")).toBe(false);
  });
});
