import { describe, expect, it } from "vitest";
import {
  inviteBusinessBody, suggestSubdomain, validateAcceptInvitation, validateBusinessAccept, validateAppointment, validateBookingDetails, validateHours,
  validateInviteBusiness, validateLogin, validateMfaCode, validateNewPassword, validateHexColor, type InviteBusinessForm,
} from "./validation";

describe("login and passwords", () => {
  it("requires a valid email and a password", () => {
    expect(validateLogin({ email: "", password: "" })).toEqual({ email: "Enter an email address.", password: "Enter your password." });
    expect(validateLogin({ email: "nope", password: "x" }).email).toMatch(/valid email/);
    expect(validateLogin({ email: "a@b.co", password: "x" })).toEqual({});
  });
  it("checks MFA codes and recovery codes", () => {
    expect(validateMfaCode("")).toMatch(/Enter the code/);
    expect(validateMfaCode("12345")).toMatch(/6 digits/);
    expect(validateMfaCode("123 456")).toBeUndefined();
    expect(validateMfaCode("abcd-efgh-ij")).toBeUndefined();
  });
  it("wants long, matching new passwords", () => {
    expect(validateNewPassword({ password: "short", confirm: "short" }).password).toMatch(/at least 10/);
    expect(validateNewPassword({ password: "long enough pw", confirm: "other" }).confirm).toMatch(/don't match/);
    expect(validateNewPassword({ password: "long enough pw", confirm: "long enough pw" })).toEqual({});
    expect(validateAcceptInvitation({ name: " ", password: "long enough pw", confirm: "long enough pw" })).toEqual({ name: "Enter your name." });
  });
});

describe("invite business", () => {
  const base: InviteBusinessForm = {
    email: "owner@shop.com", businessName: "Shop", tier: "professional", overrideLimits: false,
    maxUsers: "abc", maxResources: "", maxAppointmentsPerMonth: "",
  };
  it("ignores override fields while the section is unchecked", () => {
    expect(validateInviteBusiness(base)).toEqual({});
    expect(inviteBusinessBody(base)).toEqual({ email: "owner@shop.com", businessName: "Shop", tier: "professional" });
  });
  it("validates and sends overrides only when checked", () => {
    const on = { ...base, overrideLimits: true };
    expect(validateInviteBusiness(on).maxUsers).toMatch(/whole number/);
    const ok = { ...on, maxUsers: "25", maxAppointmentsPerMonth: "0" };
    expect(validateInviteBusiness(ok)).toEqual({});
    expect(inviteBusinessBody(ok)).toEqual({
      email: "owner@shop.com", businessName: "Shop", tier: "professional", overrideLimits: true, limitOverrides: { maxUsers: 25, maxAppointmentsPerMonth: 0 },
    });
  });
  it("requires name, email and a tier", () => {
    const e = validateInviteBusiness({ ...base, email: "x", businessName: "", tier: "" });
    expect(Object.keys(e).sort()).toEqual(["businessName", "email", "tier"]);
  });
});

describe("booking and scheduling forms", () => {
  it("validates customer details", () => {
    expect(validateBookingDetails({ name: "", email: "a@b", phone: "12" })).toEqual({
      name: "Enter your name.", email: expect.stringMatching(/valid email/), phone: expect.stringMatching(/valid phone/),
    });
    expect(validateBookingDetails({ name: "Ann", email: "ann@example.com", phone: "" })).toEqual({});
    expect(validateBookingDetails({ name: "Ann", email: "ann@example.com", phone: "+1 (555) 123-4567" })).toEqual({});
  });
  it("validates appointments", () => {
    expect(validateAppointment({ serviceId: "s", resourceId: "r", date: "2025-06-01", time: "09:30", durationMinutes: 30 })).toEqual({});
    const e = validateAppointment({ serviceId: "", resourceId: "", date: "", time: "25:00", durationMinutes: 0 });
    expect(Object.keys(e).sort()).toEqual(["date", "durationMinutes", "resourceId", "serviceId", "time"]);
  });
  it("validates business hours and colours", () => {
    expect(validateHours([{ dayOfWeek: 0, openTime: "09:00", closeTime: "17:00" }])).toEqual({});
    expect(validateHours([{ dayOfWeek: 1, openTime: "17:00", closeTime: "09:00" }])[1]).toMatch(/after opening/);
    expect(validateHours([
      { dayOfWeek: 2, openTime: "09:00", closeTime: "13:00" },
      { dayOfWeek: 2, openTime: "12:00", closeTime: "17:00" },
    ])[2]).toMatch(/overlap/);
    expect(validateHexColor("#12ab9F")).toBeUndefined();
    expect(validateHexColor("red")).toMatch(/hex/);
  });
});

describe("business invitation acceptance", () => {
  it("suggests a subdomain from the business name", () => {
    expect(suggestSubdomain("Bella's Hair & Nails")).toBe("bellas-hair-nails");
    expect(suggestSubdomain("  Café Zoë  ")).toBe("cafe-zoe");
    expect(suggestSubdomain("---")).toBe("");
  });
  it("checks the subdomain, name and password", () => {
    const ok = { subdomain: "bella", name: "Bella", password: "correct-horse-battery", confirm: "correct-horse-battery" };
    expect(validateBusinessAccept(ok)).toEqual({});
    expect(validateBusinessAccept({ ...ok, subdomain: "-bad" }).subdomain).toMatch(/lowercase/);
    expect(validateBusinessAccept({ ...ok, subdomain: "ab" }).subdomain).toMatch(/3 to 63/);
    expect(Object.keys(validateBusinessAccept({ subdomain: "", name: "", password: "long-enough-password", confirm: "different-password" })).sort())
      .toEqual(["confirm", "name", "subdomain"]);
  });
});
