import { describe, expect, it } from "vitest";
import { addDays, startOfWeek, tzOffset, weekdayOf, zonedDate, zonedInstant, zonedMinutes } from "./time";

describe("zoned time", () => {
  it("converts wall time to instants", () => {
    expect(new Date(zonedInstant("2025-01-15", 9 * 60, "Europe/Paris")).toISOString()).toBe("2025-01-15T08:00:00.000Z");
    expect(new Date(zonedInstant("2025-07-15", 9 * 60, "America/New_York")).toISOString()).toBe("2025-07-15T13:00:00.000Z");
    expect(new Date(zonedInstant("2025-07-15", 9 * 60 + 30, "Asia/Kolkata")).toISOString()).toBe("2025-07-15T04:00:00.000Z");
  });
  it("handles the spring-forward gap and the autumn overlap", () => {
    // Paris 2025-03-30 02:30 does not exist → 03:30 CEST = 01:30Z
    expect(new Date(zonedInstant("2025-03-30", 150, "Europe/Paris")).toISOString()).toBe("2025-03-30T01:30:00.000Z");
    // Paris 2025-10-26 02:30 happens twice → earlier (CEST) = 00:30Z
    expect(new Date(zonedInstant("2025-10-26", 150, "Europe/Paris")).toISOString()).toBe("2025-10-26T00:30:00.000Z");
    // midnight either side of DST
    expect(zonedInstant("2025-03-31", 0, "Europe/Paris") - zonedInstant("2025-03-30", 0, "Europe/Paris")).toBe(23 * 3600_000);
  });
  it("reads wall dates and minutes", () => {
    const ms = Date.parse("2025-01-01T02:30:00Z");
    expect(zonedDate(ms, "America/Los_Angeles")).toBe("2024-12-31");
    expect(zonedMinutes(ms, "America/Los_Angeles")).toBe(18 * 60 + 30);
    expect(tzOffset(ms, "America/Los_Angeles")).toBe(-480);
  });
  it("does calendar arithmetic on dates", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(weekdayOf("2025-06-02")).toBe(0); // Monday
    expect(startOfWeek("2025-06-08")).toBe("2025-06-02");
  });
});
