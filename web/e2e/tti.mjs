// Time to interactive of the booking page on loopback: navigation start →
// the service list visible (a service button in the DOM and laid out), in a
// fresh browser context each run (cold HTTP cache), median of RUNS runs.
// Usage (from web/): node e2e/tti.mjs   (SS_BINARY=... to test another build)
import { cli, launchBrowser, startServer } from "./harness.mjs";

const RUNS = Number(process.env.RUNS || 5);
const server = await startServer();
const browser = await launchBrowser();
try {
  const owner = { email: "owner@tti.test", password: "correct-horse-battery" };
  cli(server.env, "tenant", "create", "--name", "Timing Salon", "--slug", "timing", "--timezone", "Europe/Berlin",
    "--owner-email", owner.email, "--owner-password", owner.password);
  // Three services, set up through the API as the owner.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url("timing", "/login"));
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation").first().waitFor();
  await page.evaluate(async () => {
    const csrf = decodeURIComponent(document.cookie.split("; ").find((c) => c.startsWith("ss_csrf="))?.slice(8) ?? "");
    const post = (p, b) => fetch(p, { method: "POST", headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify(b) });
    await post("/api/resources/", { name: "Sam", type: "STAFF", capacity: 1 });
    for (const [name, min, price] of [["Haircut", 60, "45"], ["Colour", 90, "80"], ["Beard trim", 30, "20"]]) {
      await post("/api/services/", { name, durationMinutes: min, price, currency: "EUR" });
    }
  });
  await ctx.close();

  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await c.newPage();
    await p.addInitScript(() => {
      const seen = () => [...document.querySelectorAll("button")].some((b) => b.textContent?.includes("Haircut") && b.getBoundingClientRect().height > 0);
      new MutationObserver((_, obs) => {
        if (!("__tti" in window) && seen()) { window.__tti = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    });
    await p.goto(server.url("timing", "/"), { waitUntil: "commit" });
    await p.waitForFunction(() => "__tti" in window, null, { timeout: 15_000 });
    times.push(await p.evaluate(() => window.__tti));
    await c.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`booking page, navigation start → service list visible: ${times.map((t) => t.toFixed(0)).join(", ")} ms; median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.stop();
}
