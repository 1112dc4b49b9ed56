import { describe, expect, it } from "vitest";
import { humanizeKey } from "./labels";

describe("humanizeKey", () => {
  it("turns API keys into sentence-case labels", () => {
    expect(humanizeKey("onlinePayments")).toBe("Online payments");
    expect(humanizeKey("requirePlatformMFA")).toBe("Require platform MFA");
    expect(humanizeKey("apiAccess")).toBe("API access");
    expect(humanizeKey("sso")).toBe("SSO");
    expect(humanizeKey("smsReminders")).toBe("SMS reminders");
    expect(humanizeKey("trialDays")).toBe("Trial days");
    expect(humanizeKey("maxAppointmentsPerMonth")).toBe("Appointments a month");
    expect(humanizeKey("PLATFORM_SUPPORT")).toBe("Platform support");
  });
});
