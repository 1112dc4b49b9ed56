import { describe, expect, it } from "vitest";
import { reconnectDelay, staleKeys } from "./live";

describe("live schedule", () => {
  it("refetches appointments for appointment events, blockers for blocker events", () => {
    expect(staleKeys({ kind: "appointment", op: "UPDATE", id: "a" })).toEqual([["appointments"]]);
    expect(staleKeys({ kind: "blocker", op: "INSERT", id: "b" })).toEqual([["blockers"]]);
  });
  it("backs off from 1 s to 30 s with jitter", () => {
    const mid = () => 0.5;
    expect(reconnectDelay(0, mid)).toBe(1000);
    expect(reconnectDelay(3, mid)).toBe(8000);
    expect(reconnectDelay(9, mid)).toBe(30000);
    expect(reconnectDelay(0, () => 0)).toBe(750);
    expect(reconnectDelay(0, () => 1)).toBe(1250);
  });
});
