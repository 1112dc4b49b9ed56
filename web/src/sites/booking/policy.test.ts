import { describe, expect, it } from "vitest";
import { feeAmount, formatMoney, isLateCancellation } from "./policy";

describe("cancellation policy preview", () => {
  const start = Date.parse("2025-06-10T15:00:00Z");
  it("flags cancellations inside the window", () => {
    expect(isLateCancellation(start, Date.parse("2025-06-10T00:00:00Z"), 24)).toBe(true);
    expect(isLateCancellation(start, Date.parse("2025-06-09T14:59:00Z"), 24)).toBe(false);
    expect(isLateCancellation(start, start - 1000, 0)).toBe(false);
  });
  it("computes the fee", () => {
    expect(feeAmount("80.00", 50)).toBe("40.00");
    expect(feeAmount("19.99", 25)).toBe("5.00");
    expect(feeAmount(null, 50)).toBeNull();
    expect(feeAmount("10", 0)).toBeNull();
    expect(formatMoney("40.00", "EUR")).toMatch(/40/);
  });
});
