import { describe, expect, it } from "vitest";
import { axisMax } from "./charts";

describe("axisMax", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect(axisMax([0, 3, 7])).toBe(10);
    expect(axisMax([120])).toBe(200);
    expect(axisMax([0.3, 0.04])).toBe(0.5);
  });
  it("keeps counts on whole ticks", () => {
    expect(axisMax([0, 1, 0])).toBe(2);
    expect(axisMax([0, 0])).toBe(2);
  });
});
