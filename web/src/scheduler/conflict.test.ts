import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import type { Appointment } from "../api/types";
import { conflictReason } from "./conflict";

const other = {
  id: "11111111-2222-3333-4444-555555555555", resourceId: "r1", startTime: "2026-03-02T14:00:00+01:00", durationMinutes: 60,
  customerName: "Dana Doe", status: "CONFIRMED",
} as Appointment;
const lookup = {
  appointments: [other], blockers: [], tz: "Europe/Berlin",
  resourceName: (id: string | null | undefined) => (id === "r1" ? "Sam" : undefined),
  customerName: (a: Appointment) => a.customerName,
};
const conflict = (extra: Record<string, unknown>) =>
  new ApiError({ status: 409, title: "Conflict", detail: `the resource is already booked at that time by appointment ${other.id}`, ...extra });

describe("conflictReason", () => {
  it("names who is booked and when, not an ID", () => {
    const msg = conflictReason(conflict({ conflictingAppointmentId: other.id }), lookup)!;
    expect(msg).toMatch(/^Sam is already booked 2:00\s?PM–3:00\s?PM \(Dana Doe\)\.$/);
    expect(msg).not.toContain(other.id);
  });
  it("falls back to the server's sentence without the ID", () => {
    expect(conflictReason(conflict({ conflictingAppointmentId: "not-loaded" }), lookup)).toBe("The resource is already booked at that time.");
  });
  it("leaves other errors alone", () => {
    expect(conflictReason(new ApiError({ status: 400, detail: "bad" }), lookup)).toBeNull();
    expect(conflictReason(new Error("x"), lookup)).toBeNull();
  });
});
