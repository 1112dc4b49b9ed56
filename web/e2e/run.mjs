// Browser tests: a real `smoothschedule serve` on a fresh database, driven in
// Debian's headless Chromium. Run with `make e2e` (or `node e2e/run.mjs` from
// web/ after `make build`). Screenshots land in web/e2e/screenshots/.
import assert from "node:assert/strict";
import { cli, launchBrowser, run, screenshots, startServer } from "./harness.mjs";

const server = await startServer();
const browser = await launchBrowser();
const env = server.env;
const owner = { email: "owner@acme.test", password: "correct-horse-battery" };
const admin = { email: "admin@platform.test", password: "platform-admin-secret" };
let failed = false;

try {
  cli(env, "createsuperuser", "--email", admin.email, "--password", admin.password);
  cli(env, "tenant", "create", "--name", "Acme Salon", "--slug", "acme", "--timezone", "Europe/Berlin",
    "--owner-email", owner.email, "--owner-password", owner.password, "--owner-name", "Olivia Owner");

  const newPage = async (opts = {}) => (await browser.newContext({ viewport: { width: 1280, height: 800 }, ...opts })).newPage();

  async function signIn(page, host, who) {
    await page.goto(server.url(host, "/login"));
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  const ok = await run([
    ["the platform host shows the platform sign-in to a visitor", async () => {
      const page = await newPage();
      await page.goto(server.url("platform"));
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      await screenshots(page, "platform-login");
    }],
    ["a wrong password is refused with a human message", async () => {
      const page = await newPage();
      await signIn(page, "platform", { email: admin.email, password: "not-the-password" });
      await page.getByText(/not correct/i).first().waitFor();
    }],
    ["the superuser signs in to the platform console", async () => {
      const page = await newPage();
      await signIn(page, "platform", admin);
      await page.getByRole("navigation").getByText(/Businesses/).first().waitFor();
      await screenshots(page, "platform-dashboard");
    }],
    ["a tenant owner cannot sign in on the platform host", async () => {
      const page = await newPage();
      await signIn(page, "platform", owner);
      await page.getByText(/not correct/i).first().waitFor();
    }],
    ["the owner signs in to the back office on the tenant host", async () => {
      const page = await newPage();
      await signIn(page, "acme", owner);
      await page.getByRole("navigation").getByText(/Scheduler|Schedule/).first().waitFor();
      await screenshots(page, "backoffice-home");
    }],
    ["a visitor sees the branded booking site, also on a phone", async () => {
      const page = await newPage({ viewport: { width: 375, height: 740 } });
      await page.goto(server.url("acme"));
      await page.getByText("Acme Salon").first().waitFor();
      await screenshots(page, "booking-phone");
    }],
    ["an unknown business is a clear not-found", async () => {
      const page = await newPage();
      const res = await page.goto(server.url("nowhere", "/api/tenant/config/"));
      assert.equal(res.status(), 404);
      assert.match(res.headers()["content-type"], /problem\+json/);
    }],
  ]);
  failed = !ok;
} finally {
  await browser.close();
  await server.stop();
  if (failed) console.log("server log (last lines):\n" + server.log().split("\n").slice(-30).join("\n"));
}
process.exit(failed ? 1 : 0);
