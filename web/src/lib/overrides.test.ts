import { describe, expect, it } from "vitest";
import { countOverrides, featureGroups, limitKeys, toBody, toForm } from "./overrides";

describe("overrides form", () => {
  const limits = limitKeys({ maxUsers: 5 }, { maxWidgets: 1 });
  const features = ["onlinePayments", "sso"];

  it("lists known limits in order, then unknown ones", () => {
    expect(limits.slice(0, 2)).toEqual(["maxUsers", "maxResources"]);
    expect(limits.at(-1)).toBe("maxWidgets");
  });

  it("reads present, null and absent limits as custom, unlimited and plan", () => {
    const f = toForm({ limits: { maxUsers: 7, maxResources: null }, features: { sso: true, onlinePayments: false } }, limits, features);
    expect(f.limits.maxUsers).toEqual({ mode: "custom", value: "7" });
    expect(f.limits.maxResources).toEqual({ mode: "unlimited", value: "" });
    expect(f.limits.maxServices).toEqual({ mode: "plan", value: "" });
    expect(f.features).toEqual({ onlinePayments: "off", sso: "on" });
  });

  it("round-trips to the PUT body, leaving plan defaults out", () => {
    const src = { limits: { maxUsers: 7, maxResources: null }, features: { sso: true } };
    const { body, errors } = toBody(toForm(src, limits, features));
    expect(errors).toEqual({});
    expect(body).toEqual(src);
    expect(countOverrides(body)).toBe(3);
  });

  it("refuses a custom limit that is not a whole number", () => {
    const f = toForm({}, ["maxUsers", "maxServices"], []);
    f.limits.maxUsers = { mode: "custom", value: "-1" };
    f.limits.maxServices = { mode: "custom", value: " " };
    const { errors } = toBody(f);
    expect(errors["limits.maxUsers"]).toMatch(/whole number/);
    expect(errors["limits.maxServices"]).toMatch(/unlimited/);
  });

  it("groups features, putting unknown ones under Other", () => {
    const g = featureGroups(["sso", "teleportation"]);
    expect(g[0]!.name).toBe("Payments");
    expect(g.at(-1)).toEqual({ name: "Other", features: ["teleportation"] });
    expect(featureGroups(["sso"]).some((x) => x.name === "Other")).toBe(false);
  });
});
