// Custom domains: the owner's side and support's.
import assert from "node:assert/strict";
import { apiOk, cli, hostGet, manager, screenshots, test, TZ } from "./fixtures.mjs";

test("the owner adds a custom domain, copies its DNS records, sees why verification fails; support verifies it by hand", async ({ server, env, signedIn }) => {
  // Own businesses: one on a plan with custom domains, one without (the upsell).
  const dom = { slug: "domainco", email: "owner@domainco.test", password: "domain-owner-password" };
  const host = "booking.domainco.test";
  cli(env, "tenant", "create", "--name", "Domain Co", "--slug", dom.slug, "--plan", "professional", "--timezone", TZ,
    "--owner-email", dom.email, "--owner-password", dom.password, "--owner-name", "Dora Domain");
  cli(env, "tenant", "create", "--name", "Freebie", "--slug", "freebie", "--plan", "free",
    "--owner-email", "owner@freebie.test", "--owner-password", "freebie-owner-password");
  const free = await signedIn("freebie", { email: "owner@freebie.test", password: "freebie-owner-password" });
  await free.goto(server.url("freebie", "/settings"));
  await free.getByTestId("domains-upsell").getByText("Custom domains come with the Professional plan").waitFor();
  assert.equal(await free.getByLabel("Add a custom domain").count(), 0);

  const page = await signedIn(dom.slug, dom, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.goto(server.url(dom.slug, "/settings"));
  await page.getByRole("list", { name: "Domains" }).getByText(`${dom.slug}.localhost`).waitFor();
  // Field errors come from the server's problem document.
  await page.getByLabel("Add a custom domain").fill(`shop.${dom.slug}.localhost`);
  await page.getByRole("button", { name: "Add domain" }).click();
  await page.getByText("is one of SmoothSchedule's own addresses").waitFor();
  await page.getByLabel("Add a custom domain").fill("Booking.DomainCo.test");
  await page.getByRole("button", { name: "Add domain" }).click();
  const item = page.locator(`li[data-domain="${host}"]`);
  await item.getByText("Pending verification").waitFor();
  const list = await apiOk(page, "GET", "/api/business/domains/");
  const mine = list.results.find((d) => d.domain === host);
  assert.equal(mine.verification.name, `_smoothschedule-challenge.${host}`);
  assert.equal(await item.getByLabel("TXT name", { exact: true }).textContent(), mine.verification.name);
  assert.equal(await item.getByLabel("TXT value", { exact: true }).textContent(), mine.verification.value);
  assert.equal(await item.getByLabel("CNAME value", { exact: true }).textContent(), `${dom.slug}.localhost`);
  await item.getByRole("button", { name: "Copy TXT value" }).click();
  await page.getByText("TXT value copied.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), mine.verification.value);
  // No such record exists: the server's reason is shown, naming the record.
  await item.getByRole("button", { name: "Verify" }).click();
  await item.getByText("Not verified yet").waitFor({ timeout: 15_000 });
  const why = await item.getByRole("alert").textContent();
  assert.ok(why.includes(`_smoothschedule-challenge.${host}`), `the reason names the TXT record: ${why}`);
  await screenshots(page, "settings-domains");
  const r = await hostGet(server, host, "/api/tenant/config/");
  assert.equal(r.status, 404, "a pending domain must not answer");

  // Support verifies by hand (support case); the domain answers at once.
  const mgr = await signedIn("platform", manager);
  const biz = (await apiOk(mgr, "GET", `/api/platform/businesses/?search=${dom.slug}`)).results[0];
  const v = await apiOk(mgr, "POST", `/api/platform/businesses/${biz.id}/domains/${host}/verify/`, { reason: "e2e: DNS not reachable" });
  assert.equal(v.status, "verified");
  const ok = await hostGet(server, host, "/api/tenant/config/");
  assert.equal(ok.status, 200);
  assert.equal(JSON.parse(ok.body).subdomain, dom.slug);
  await page.reload();
  await item.getByText("Verified").waitFor();

  // Removing asks first, then the domain stops answering.
  await item.getByRole("button", { name: `Remove ${host}` }).click();
  await page.getByRole("dialog", { name: `Remove ${host}?` }).getByRole("button", { name: "Remove domain" }).click();
  await page.getByText(`${host} removed.`).waitFor();
  await item.waitFor({ state: "detached" }); // the list refetches after the toast
  assert.equal((await hostGet(server, host, "/api/tenant/config/")).status, 404);
});
