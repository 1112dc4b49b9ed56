// What the browser tests share: each worker's server (a real `smoothschedule
// serve` on a fresh database, seeded through the CLI), pages in the test
// businesses' zone, and the set-up steps a test takes when an earlier step
// did not leave what it needs. Set-up goes through the CLI or the API, never
// through the UI a test is not testing.
import http from "node:http";
import assert from "node:assert/strict";
import { test as base } from "@playwright/test";
import { cli, startServer } from "./harness.mjs";

export { screenshots } from "./harness.mjs";
export { cli };

// The test businesses' zone (and the browser's). E2E_TZ picks another, e.g. one
// where it is just before or after midnight now (see e2e/zone-at.mjs).
export const TZ = process.env.E2E_TZ || "Europe/Berlin";
const timeout = Number(process.env.E2E_TIMEOUT_MS || 30_000);

export const owner = { email: "owner@acme.test", password: "correct-horse-battery" };
export const admin = { email: "admin@platform.test", password: "platform-admin-secret" };
export const manager = { email: "manager@platform.test", password: "platform-manager-secret" };
export const support = { email: "support@platform.test", password: "platform-support-secret" };
export const bella = { slug: "bella", name: "Bella Hair Studio", email: "bella@owner.test", password: "bella-owner-password", ownerName: "Bella Owner" };
export const customer = { name: "Casey Customer", email: "casey@customer.test" };
/** Context options for a set-up page in a phone test: the back office's navigation shows on a desktop. */
export const desktop = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };

/** YYYY-MM-DD of today + n calendar days in the business's zone (not now + n × 24 h, which skips or repeats a date across DST). */
export function dayIn(n, tz = TZ) {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date()).split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
/** The offset of tz at date, as "+01:00". */
function offsetOf(date, tz = TZ) {
  const p = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" }).formatToParts(new Date(date + "T12:00:00Z"));
  const v = p.find((x) => x.type === "timeZoneName").value.replace("GMT", "");
  return v || "+00:00";
}
export const at = (date, hhmm) => `${date}T${hhmm}:00${offsetOf(date)}`;
/** HH:MM of an instant in TZ. */
export const clock = (iso) => new Intl.DateTimeFormat("en-GB", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));

// Every booking is on a future day chosen here, never "today": today may have
// no free time left (the suite must pass at any hour, also across midnight).
export const day = dayIn(1); // tomorrow in the business's zone

/** A JSON API call from the page (its session cookie and CSRF header): set-up and checks only. */
export async function api(page, method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const csrf = document.cookie.split("; ").find((c) => c.startsWith("ss_csrf="))?.slice(8);
    const headers = { Accept: "application/json" };
    if (b !== undefined) headers["Content-Type"] = "application/json";
    if (m !== "GET" && csrf) headers["X-CSRF-Token"] = decodeURIComponent(csrf);
    const r = await fetch(p, { method: m, headers, body: b === undefined ? undefined : JSON.stringify(b), credentials: "same-origin" });
    const t = await r.text();
    let json = null;
    try { json = t ? JSON.parse(t) : null; } catch { json = t; }
    return { status: r.status, body: json };
  }, [method, path, body]);
}
export async function apiOk(page, method, path, body) {
  const r = await api(page, method, path, body);
  assert.ok(r.status >= 200 && r.status < 300, `${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
/** GET on the server with another Host header (a custom domain no resolver knows). */
export function hostGet(server, host, path) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.port, path, headers: { Host: host, Accept: "application/json" } }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The business's first resource and service, created through the API if the UI steps did not. */
export async function ensureCatalog(page) {
  const hours = await apiOk(page, "GET", "/api/business-hours/");
  if (!hours?.length) {
    await apiOk(page, "PUT", "/api/business-hours/", [0, 1, 2, 3, 4, 5, 6].map((d) => ({ dayOfWeek: d, openTime: "09:00", closeTime: "17:00" })));
  }
  let res = (await apiOk(page, "GET", "/api/resources/")).results[0];
  if (!res) res = await apiOk(page, "POST", "/api/resources/", { name: "Sam Stylist", type: "STAFF", capacity: 1 });
  let svc = (await apiOk(page, "GET", "/api/services/")).results[0];
  if (!svc) svc = await apiOk(page, "POST", "/api/services/", { name: "Haircut", durationMinutes: 60, price: "45.00", currency: "EUR" });
  return { res, svc };
}
/** The appointment the anonymous customer booked (or one booked through the API). */
export async function ensureBooked(page) {
  const { res, svc } = await ensureCatalog(page);
  const list = await apiOk(page, "GET", `/api/appointments/?start_date=${day}&end_date=${day}`);
  const mine = list.results.find((a) => a.customerName === customer.name);
  if (mine) return { appt: mine, res, svc };
  const appt = await apiOk(page, "POST", "/api/booking/", { serviceId: svc.id, startTime: at(day, "10:00"), customer: { ...customer, phone: "" } });
  return { appt, res, svc };
}

/** On the booking site's slot picker: moves to the week of date (YYYY-MM-DD) and picks it. */
export async function pickDay(page, date) {
  const label = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" }).format(new Date(date + "T12:00:00Z"));
  const radio = page.getByRole("radiogroup", { name: "Day" }).getByRole("radio", { name: label, exact: true });
  await page.getByRole("radiogroup", { name: "Day" }).waitFor();
  for (let i = 0; i < 8 && !(await radio.count()); i++) await page.getByRole("button", { name: "Next week" }).click();
  await radio.click();
  await page.getByRole("radiogroup", { name: "Day" }).getByRole("radio", { name: label, exact: true, checked: true }).waitFor();
}
/** Opens the scheduler of the page's business on `day` and returns the block of appointment id. */
export async function schedulerAt(page, id) {
  await page.goto(new URL("/scheduler", page.url()).href);
  await page.getByLabel("Go to date").fill(day);
  const block = page.locator(`[data-appointment="${id}"]`);
  await block.waitFor();
  await block.scrollIntoViewIfNeeded();
  return block;
}
/** Drags a block horizontally by dx pixels, the way a person would. */
export async function drag(page, block, dx) {
  const b = await block.boundingBox();
  const x = b.x + b.width / 2, y = b.y + b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x + (dx * i) / 8, y);
  await page.mouse.up();
}
/** Pixels per minute of the scheduler's day view. */
export const PX_PER_MIN = 2;

export async function signIn(page, url, who) {
  await page.goto(url);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export const test = base.extend({
  // One server per worker, so workers never share a database; a worker that
  // lost a test starts again on a fresh one, and later tests set up what they need.
  server: [async ({}, use) => {
    const server = await startServer();
    try {
      const env = server.env;
      cli(env, "createsuperuser", "--email", admin.email, "--password", admin.password);
      cli(env, "user", "create", "--email", manager.email, "--password", manager.password, "--role", "PLATFORM_MANAGER", "--name", "Mia Manager");
      cli(env, "user", "create", "--email", support.email, "--password", support.password, "--role", "PLATFORM_SUPPORT", "--name", "Sol Support");
      cli(env, "tenant", "create", "--name", "Acme Salon", "--slug", "acme", "--timezone", TZ,
        "--owner-email", owner.email, "--owner-password", owner.password, "--owner-name", "Olivia Owner");
      server.bellaExists = false; // set once the invited business (or its CLI stand-in) exists
      await use(server);
    } finally {
      await server.stop();
    }
  }, { scope: "worker", timeout: 120_000 }],
  env: [async ({ server }, use) => use(server.env), { scope: "worker" }],

  // The server's log during a failed test, less the request lines.
  serverLog: [async ({ server }, use, testInfo) => {
    const from = server.log().length;
    await use();
    if (testInfo.status !== testInfo.expectedStatus) {
      const body = server.log().slice(from).split("\n").filter((l) => !/level=INFO msg=request/.test(l)).slice(-60).join("\n");
      if (body.trim()) await testInfo.attach("server log", { body, contentType: "text/plain" });
    }
  }, { auto: true }],

  /** A page in a fresh context of the project's kind (desktop or phone, light or dark) in TZ; opts override. */
  newPage: async ({ browser, viewport, isMobile, hasTouch, colorScheme, locale, timezoneId }, use) => {
    const contexts = [];
    await use(async (opts = {}) => {
      const ctx = await browser.newContext({ viewport, isMobile, hasTouch, colorScheme, locale, timezoneId, ...opts });
      contexts.push(ctx);
      ctx.setDefaultTimeout(timeout);
      ctx.setDefaultNavigationTimeout(timeout);
      return ctx.newPage();
    });
    for (const ctx of contexts) await ctx.close();
  },
  /** Signs in on host's sign-in page. */
  signIn: async ({ server }, use) => use((page, host, who) => signIn(page, server.url(host, "/login"), who)),
  /** Signs in on a new page and waits for the app's navigation. */
  signedIn: async ({ newPage, signIn }, use) => use(async (host, who, opts) => {
    const page = await newPage(opts);
    await signIn(page, host, who);
    await page.getByRole("navigation").first().waitFor();
    return page;
  }),
  /** The invited business, created by the CLI when the invitation steps did not. */
  ensureBella: async ({ server }, use) => use(() => {
    if (server.bellaExists) return;
    cli(server.env, "tenant", "create", "--name", bella.name, "--slug", bella.slug, "--timezone", TZ, "--plan", "professional",
      "--owner-email", bella.email, "--owner-password", bella.password, "--owner-name", bella.ownerName);
    server.bellaExists = true;
  }),
  /** The invited business's owner, signed in. */
  bellaOwner: async ({ ensureBella, signedIn }, use) => use(async (opts) => { ensureBella(); return signedIn(bella.slug, bella, opts); }),
});
