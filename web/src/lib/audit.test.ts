import { describe, expect, it } from "vitest";
import { auditCategory, describeAudit } from "./audit";

describe("describeAudit", () => {
  const me = "owner@acme.test";
  it("tells a masquerade from the owner's side", () => {
    expect(describeAudit({ action: "MASQUERADE_START", actorEmail: "sol@platform.test", targetEmail: "Owner@acme.test" }, me))
      .toBe("sol@platform.test started acting as you");
    expect(describeAudit({ action: "MASQUERADE_END", actorEmail: "sol@platform.test", targetEmail: "sam@acme.test" }, me))
      .toBe("sol@platform.test stopped acting as sam@acme.test");
  });
  it("names the permission of a grant", () => {
    expect(describeAudit({ action: "GRANT_CREATED", actorEmail: me, targetEmail: "sam@acme.test", detail: { action: "customers.write" } }, me))
      .toBe("You gave sam@acme.test “customers.write” for a while");
    expect(describeAudit({ action: "GRANT_REVOKED", actorEmail: me, targetEmail: "sam@acme.test" }, me)).toBe("You revoked a permission from sam@acme.test");
  });
  it("tells the approval policy's direction", () => {
    expect(describeAudit({ action: "SUPPORT_APPROVAL_POLICY_CHANGED", actorEmail: me, detail: { platformApprovalRequired: true } }, me))
      .toBe("You started requiring approval for support access");
    expect(describeAudit({ action: "SUPPORT_APPROVAL_POLICY_CHANGED", actorEmail: me, detail: { platformApprovalRequired: false } }, me))
      .toBe("You stopped requiring approval for support access");
  });
  it("falls back to the action's words", () => {
    expect(describeAudit({ action: "SOMETHING_NEW", actorEmail: "x@y.z" })).toBe("x@y.z: something new");
    expect(auditCategory("GRANT_USED")).toBe("grant");
    expect(auditCategory("LOGIN_FAILED")).toBe("other");
  });
});
