// Signing in on each kind of host, and what a visitor sees first.
import assert from "node:assert/strict";
import { admin, owner, screenshots, test } from "./fixtures.mjs";

test("the platform host shows the platform sign-in to a visitor", async ({ server, newPage }) => {
  const page = await newPage();
  await page.goto(server.url("platform"));
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  await screenshots(page, "platform-login");
});

test("a wrong password is refused with a human message", async ({ newPage, signIn }) => {
  const page = await newPage();
  await signIn(page, "platform", { email: admin.email, password: "not-the-password" });
  await page.getByText(/not correct/i).first().waitFor();
});

test("the superuser signs in to the platform console", async ({ newPage, signIn }) => {
  const page = await newPage();
  await signIn(page, "platform", admin);
  await page.getByRole("navigation").getByText(/Businesses/).first().waitFor();
  await page.getByText("Monthly recurring revenue").first().waitFor();
  await screenshots(page, "platform-dashboard");
});

test("a tenant owner cannot sign in on the platform host", async ({ newPage, signIn }) => {
  const page = await newPage();
  await signIn(page, "platform", owner);
  await page.getByText(/not correct/i).first().waitFor();
});

test("the owner signs in to the back office on the tenant host", async ({ newPage, signIn }) => {
  const page = await newPage();
  await signIn(page, "acme", owner);
  await page.getByRole("navigation").getByText(/Scheduler|Schedule/).first().waitFor();
  await screenshots(page, "backoffice-home");
});

test("a visitor sees the branded booking site, also on a phone", { tag: "@phone" }, async ({ server, newPage }) => {
  const page = await newPage();
  await page.goto(server.url("acme"));
  await page.getByText("Acme Salon").first().waitFor();
  await screenshots(page, "booking-phone");
});

test("an unknown business is a clear not-found", async ({ server, newPage }) => {
  const page = await newPage();
  const res = await page.goto(server.url("nowhere", "/api/tenant/config/"));
  assert.equal(res.status(), 404);
  assert.match(res.headers()["content-type"], /problem\+json/);
});
