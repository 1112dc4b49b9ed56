import { describe, expect, it } from "vitest";
import { safeNext } from "./AuthPages";

describe("safeNext", () => {
  it("keeps paths on this site", () => {
    expect(safeNext("/scheduler?date=2026-11-22")).toBe("/scheduler?date=2026-11-22");
  });
  it("refuses everything that could leave it", () => {
    for (const v of [null, "", "https://evil.example", "//evil.example", "/\\evil.example", "/\\/evil", "\\evil", "/\tx", "javascript:alert(1)"]) {
      expect(safeNext(v)).toBe("/");
    }
  });
});
