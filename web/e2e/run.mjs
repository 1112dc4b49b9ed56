// Browser tests: a real `smoothschedule serve` on a fresh database, driven in
// Debian's headless Chromium. Run with `make e2e` (or `node e2e/run.mjs` from
// web/ after `make build`; SS_BINARY=/path/to/binary to test another build).
// Screenshots land in web/e2e/screenshots/.
//
// The second half walks the product's main journey: a platform manager
// invites a business (with a tier override), its owner accepts on the apex
// host, sets hours, adds a resource and a service, an anonymous customer books
// on the booking site, the owner sees it on the scheduler, drags it to another
// time and watches a conflicting drag snap back with the reason. Each step can
// run alone: when an earlier step did not leave what it needs, it sets that
// up through the CLI or the API (never through the UI it is not testing).
import assert from "node:assert/strict";
import http from "node:http";
import { cli, launchBrowser, run, screenshots, startServer } from "./harness.mjs";

const server = await startServer();
const browser = await launchBrowser();
const env = server.env;
// The test businesses' zone (and the browser's). E2E_TZ picks another, e.g. one
// where it is just before or after midnight now (see e2e/zone-at.mjs).
const TZ = process.env.E2E_TZ || "Europe/Berlin";
const owner = { email: "owner@acme.test", password: "correct-horse-battery" };
const admin = { email: "admin@platform.test", password: "platform-admin-secret" };
const manager = { email: "manager@platform.test", password: "platform-manager-secret" };
const support = { email: "support@platform.test", password: "platform-support-secret" };
const bella = { slug: "bella", name: "Bella Hair Studio", email: "bella@owner.test", password: "bella-owner-password", ownerName: "Bella Owner" };
let failed = false;

/** YYYY-MM-DD of today + n calendar days in the business's zone (not now + n × 24 h, which skips or repeats a date across DST). */
function dayIn(n, tz = TZ) {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date()).split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
/** The offset of tz at date, as "+01:00". */
function offsetOf(date, tz = TZ) {
  const p = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" }).formatToParts(new Date(date + "T12:00:00Z"));
  const v = p.find((x) => x.type === "timeZoneName").value.replace("GMT", "");
  return v || "+00:00";
}
const at = (date, hhmm) => `${date}T${hhmm}:00${offsetOf(date)}`;
/** HH:MM of an instant in TZ. */
const clock = (iso) => new Intl.DateTimeFormat("en-GB", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));

try {
  cli(env, "createsuperuser", "--email", admin.email, "--password", admin.password);
  cli(env, "user", "create", "--email", manager.email, "--password", manager.password, "--role", "PLATFORM_MANAGER", "--name", "Mia Manager");
  cli(env, "user", "create", "--email", support.email, "--password", support.password, "--role", "PLATFORM_SUPPORT", "--name", "Sol Support");
  cli(env, "tenant", "create", "--name", "Acme Salon", "--slug", "acme", "--timezone", TZ,
    "--owner-email", owner.email, "--owner-password", owner.password, "--owner-name", "Olivia Owner");

  // Each wait is bounded (E2E_TIMEOUT_MS, 30 s by default: generous on a shared CI machine).
  const timeout = Number(process.env.E2E_TIMEOUT_MS || 30_000);
  const newPage = async (opts = {}) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: TZ, locale: "en-US", ...opts });
    ctx.setDefaultTimeout(timeout);
    ctx.setDefaultNavigationTimeout(timeout);
    return ctx.newPage();
  };

  async function signIn(page, host, who) {
    await page.goto(server.url(host, "/login"));
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  /** Signs in and waits for the app's navigation. */
  async function signedIn(host, who, opts) {
    const page = await newPage(opts);
    await signIn(page, host, who);
    await page.getByRole("navigation").first().waitFor();
    return page;
  }

  /** A JSON API call from the page (its session cookie and CSRF header): set-up and checks only. */
  async function api(page, method, path, body) {
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
  /** GET on the server with another Host header (a custom domain no resolver knows). */
  function hostGet(host, path) {
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
  async function apiOk(page, method, path, body) {
    const r = await api(page, method, path, body);
    assert.ok(r.status >= 200 && r.status < 300, `${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  // ---- the invited business, created by the CLI when the invitation steps did not -------------
  let bellaExists = false;
  function ensureBella() {
    if (bellaExists) return;
    cli(env, "tenant", "create", "--name", bella.name, "--slug", bella.slug, "--timezone", TZ, "--plan", "professional",
      "--owner-email", bella.email, "--owner-password", bella.password, "--owner-name", bella.ownerName);
    bellaExists = true;
  }
  const bellaOwner = async (opts) => { ensureBella(); return signedIn(bella.slug, bella, opts); };
  /** The business's first resource and service, created through the API if the UI steps did not. */
  async function ensureCatalog(page) {
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

  // Every booking is on a future day chosen here, never "today": today may have
  // no free time left (the suite must pass at any hour, also across midnight).
  const day = dayIn(1); // tomorrow in the business's zone
  /** On the booking site's slot picker: moves to the week of date (YYYY-MM-DD) and picks it. */
  async function pickDay(page, date) {
    const label = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" }).format(new Date(date + "T12:00:00Z"));
    const radio = page.getByRole("radiogroup", { name: "Day" }).getByRole("radio", { name: label, exact: true });
    await page.getByRole("radiogroup", { name: "Day" }).waitFor();
    for (let i = 0; i < 8 && !(await radio.count()); i++) await page.getByRole("button", { name: "Next week" }).click();
    await radio.click();
    await page.getByRole("radiogroup", { name: "Day" }).getByRole("radio", { name: label, exact: true, checked: true }).waitFor();
  }
  const customer = { name: "Casey Customer", email: "casey@customer.test" };
  /** The appointment the anonymous customer booked (or one booked through the API). */
  async function ensureBooked(page) {
    const { res, svc } = await ensureCatalog(page);
    const list = await apiOk(page, "GET", `/api/appointments/?start_date=${day}&end_date=${day}`);
    const mine = list.results.find((a) => a.customerName === customer.name);
    if (mine) return { appt: mine, res, svc };
    const appt = await apiOk(page, "POST", "/api/booking/", { serviceId: svc.id, startTime: at(day, "10:00"), customer: { ...customer, phone: "" } });
    return { appt, res, svc };
  }

  /** Opens the scheduler on `day` and returns the block of appointment id. */
  async function schedulerAt(page, id) {
    await page.goto(server.url(bella.slug, "/scheduler"));
    await page.getByLabel("Go to date").fill(day);
    const block = page.locator(`[data-appointment="${id}"]`);
    await block.waitFor();
    await block.scrollIntoViewIfNeeded();
    return block;
  }
  /** Drags a block horizontally by dx pixels, the way a person would. */
  async function drag(page, block, dx) {
    const b = await block.boundingBox();
    const x = b.x + b.width / 2, y = b.y + b.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(x + (dx * i) / 8, y);
    await page.mouse.up();
  }
  /** Pixels per minute of the day view, read from the first hour tick spacing. */
  const PX_PER_MIN = 2;

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
      await page.getByText("Monthly recurring revenue").first().waitFor();
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

    // ---- the main journey ------------------------------------------------------------------
    ["the platform manager invites a business, overriding a tier limit", async () => {
      const page = await signedIn("platform", manager);
      await page.getByRole("navigation").getByRole("link", { name: "Businesses" }).click();
      await page.getByRole("button", { name: "Invite business" }).click();
      const dialog = page.getByRole("dialog", { name: "Invite a business" });
      await dialog.getByLabel("Owner's email").fill(bella.email);
      await dialog.getByLabel("Business name").fill(bella.name);
      await dialog.getByLabel("Tier", { exact: true }).selectOption("professional");
      await dialog.getByLabel("Override tier limits").check();
      await dialog.getByLabel("Max users").fill("7");
      await screenshots(page, "platform-invite-business");
      const sent = page.waitForRequest((r) => r.url().includes("/api/platform/business-invitations") && r.method() === "POST");
      await dialog.getByRole("button", { name: "Send invitation" }).click();
      const body = (await sent).postDataJSON();
      assert.equal(body.overrideLimits, true);
      assert.deepEqual(body.limitOverrides, { maxUsers: 7 });
      await page.getByText(`Invitation sent to ${bella.email}`).waitFor();
      const invs = await apiOk(page, "GET", "/api/platform/business-invitations/");
      const inv = invs.results.find((i) => i.email === bella.email);
      assert.equal(inv.overrideLimits, true);
      assert.equal(inv.limitOverrides.maxUsers, 7);
      await page.getByRole("heading", { name: "Businesses" }).waitFor();
      await screenshots(page, "platform-businesses");
    }],
    ["the invited owner opens the business from the e-mail link and signs in", async () => {
      const link = server.mailLink(bella.email);
      assert.ok(link, "no invitation e-mail was logged for " + bella.email);
      const token = new URL(link).searchParams.get("token");
      const page = await newPage();
      await page.goto(server.url("", `/accept-business-invitation?token=${encodeURIComponent(token)}`));
      await page.getByRole("heading", { name: "Open your business" }).waitFor();
      await page.getByText(bella.name).first().waitFor();
      await page.getByLabel("Business address").fill(bella.slug);
      await page.getByLabel("Your name").fill(bella.ownerName);
      await page.getByLabel("Time zone").selectOption(TZ);
      await page.getByLabel("Password", { exact: true }).fill(bella.password);
      await page.getByLabel("Confirm password").fill(bella.password);
      await screenshots(page, "apex-accept-business-invitation");
      await page.getByRole("button", { name: "Create business" }).click();
      await page.waitForURL((u) => u.hostname === `${bella.slug}.localhost`);
      bellaExists = true;
      await signIn(page, bella.slug, bella);
      await page.getByRole("navigation").getByText("Scheduler").first().waitFor();
      const me = await apiOk(page, "GET", "/api/auth/me/");
      assert.equal(me.role, "TENANT_OWNER");
    }],
    ["the owner sets the business hours", async () => {
      const page = await bellaOwner();
      await page.getByRole("navigation").getByRole("link", { name: "Business hours" }).click();
      await page.getByRole("heading", { name: "Business hours" }).waitFor();
      for (const d of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
        const box = page.getByRole("checkbox", { name: d, exact: true });
        if (!(await box.isChecked())) await box.check();
        await page.getByLabel(`${d} shift 1 opens`).fill("09:00");
        await page.getByLabel(`${d} shift 1 closes`).fill("17:00");
      }
      await page.getByRole("button", { name: "Save hours" }).click();
      await page.getByText("Opening hours saved.").waitFor();
      const rows = await apiOk(page, "GET", "/api/business-hours/");
      assert.equal(rows.length, 7);
      assert.deepEqual(rows[0], { dayOfWeek: 0, openTime: "09:00", closeTime: "17:00" });
      await screenshots(page, "backoffice-hours");
    }],
    ["the owner adds a resource and a service", async () => {
      const page = await bellaOwner();
      await page.getByRole("navigation").getByRole("link", { name: "Resources" }).click();
      await page.getByRole("button", { name: "Add resource" }).first().click();
      let dialog = page.getByRole("dialog", { name: "Add resource" });
      await dialog.getByLabel("Name").fill("Sam Stylist");
      await dialog.getByRole("button", { name: "Save" }).click();
      await page.getByText("Resource added.").waitFor();
      await page.getByRole("cell", { name: "Sam Stylist" }).waitFor();
      await screenshots(page, "backoffice-resources");

      await page.getByRole("navigation").getByRole("link", { name: "Services" }).click();
      await page.getByRole("button", { name: "Add service" }).first().click();
      dialog = page.getByRole("dialog", { name: "Add service" });
      await dialog.getByLabel("Name").fill("Haircut");
      await dialog.getByLabel(/Duration/).fill("60");
      await dialog.getByLabel(/^Price/).fill("45");
      await dialog.getByLabel(/Currency/).fill("EUR");
      await dialog.getByRole("button", { name: "Save" }).click();
      await page.getByText("Service added.").waitFor();
      await page.getByRole("cell", { name: "Haircut" }).waitFor();
      await screenshots(page, "backoffice-services");
      const svcs = await apiOk(page, "GET", "/api/services/");
      assert.equal(svcs.results.find((s) => s.name === "Haircut").price, "45.00");
    }],
    ["an anonymous customer books on the booking site", async () => {
      ensureBella();
      const setup = await bellaOwner();
      await ensureCatalog(setup);
      const page = await newPage();
      await page.goto(server.url(bella.slug));
      await page.getByRole("heading", { name: `Book with ${bella.name}` }).waitFor();
      await screenshots(page, "booking-services");
      await page.getByRole("button", { name: /Haircut/ }).click();
      await page.getByRole("button", { name: /Anyone available/ }).click();
      await pickDay(page, day);
      await page.getByRole("radio", { name: /^10:00/ }).click();
      await screenshots(page, "booking-times");
      await page.getByRole("button", { name: /^Continue with/ }).click();
      await page.getByLabel("Full name").fill(customer.name);
      await page.getByLabel("Email").fill(customer.email);
      await page.getByRole("button", { name: /^Book / }).click();
      await page.getByRole("heading", { name: "You're booked!" }).waitFor();
      await screenshots(page, "booking-done");
      const list = await apiOk(setup, "GET", `/api/appointments/?start_date=${day}&end_date=${day}`);
      const a = list.results.find((x) => x.customerName === customer.name);
      assert.ok(a, "the booking is not in the business's appointments");
      assert.equal(clock(a.startTime), "10:00");
      assert.equal(a.source, "ONLINE");
    }],
    ["the booking appears on the owner's scheduler", async () => {
      const page = await bellaOwner();
      const { appt } = await ensureBooked(page);
      const block = await schedulerAt(page, appt.id);
      assert.match(await block.getAttribute("aria-label"), new RegExp(`^${customer.name}, Haircut`));
      await screenshots(page, "backoffice-scheduler");
    }],
    ["the owner drags the appointment to another time", async () => {
      const page = await bellaOwner();
      const { appt } = await ensureBooked(page);
      const from = clock(appt.startTime);
      const block = await schedulerAt(page, appt.id);
      const saved = page.waitForResponse((r) => r.url().includes(`/api/appointments/${appt.id}`) && r.request().method() === "PATCH");
      await drag(page, block, 60 * PX_PER_MIN); // one hour later
      const res = await saved;
      assert.equal(res.status(), 200, await res.text());
      const after = await apiOk(page, "GET", `/api/appointments/${appt.id}/`);
      const [h, m] = from.split(":").map(Number);
      assert.equal(clock(after.startTime), `${String(h + 1).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
      await page.locator(`[data-appointment="${appt.id}"][aria-label*="${clock(after.startTime).replace(/^0/, "")}"]`).waitFor();
    }],
    ["a drag onto a busy time snaps back and says why", async () => {
      const page = await bellaOwner();
      const { appt, res, svc } = await ensureBooked(page);
      // Another customer at 14:00 on the same resource (set-up through the API).
      const other = await apiOk(page, "POST", "/api/booking/", {
        serviceId: svc.id, resourceId: res.id, startTime: at(day, "14:00"), customer: { name: "Dana Doe", email: "dana@customer.test", phone: "" },
      });
      const mine = await apiOk(page, "GET", `/api/appointments/${appt.id}/`);
      const before = clock(mine.startTime);
      const block = await schedulerAt(page, appt.id);
      await page.locator(`[data-appointment="${other.id}"]`).waitFor();
      const box0 = await block.boundingBox();
      const minutes = (Date.parse(other.startTime) - Date.parse(mine.startTime)) / 60_000;
      const refused = page.waitForResponse((r) => r.url().includes(`/api/appointments/${appt.id}`) && r.request().method() === "PATCH");
      await drag(page, block, minutes * PX_PER_MIN);
      assert.equal((await refused).status(), 409);
      const alert = page.getByRole("alert").filter({ hasText: /./ }).first();
      await alert.waitFor();
      const reason = (await alert.textContent()).trim();
      assert.match(reason, /^Sam Stylist is already booked .*\(Dana Doe\)\.$/, `unhelpful reason: ${reason}`);
      await page.waitForFunction(([id, x]) => {
        const el = document.querySelector(`[data-appointment="${id}"]`);
        return el && Math.abs(el.getBoundingClientRect().x - x) < 2;
      }, [appt.id, box0.x]);
      await screenshots(page, "backoffice-scheduler-conflict");
      const after = await apiOk(page, "GET", `/api/appointments/${appt.id}/`);
      assert.equal(clock(after.startTime), before);
    }],
    ["a booking made elsewhere appears on the open scheduler at once", async () => {
      const page = await bellaOwner();
      const { appt, res, svc } = await ensureBooked(page);
      await schedulerAt(page, appt.id);
      await page.getByText("Live", { exact: true }).waitFor();
      // Someone else (a customer on the booking site) books while the owner watches.
      const guest = await newPage();
      await guest.goto(server.url(bella.slug, "/"));
      const other = await apiOk(guest, "POST", "/api/booking/", {
        serviceId: svc.id, resourceId: res.id, startTime: at(day, "16:00"), customer: { name: "Lee Live", email: "lee@customer.test", phone: "" },
      });
      // Well before the 15-second poll: the WebSocket brought it.
      await page.locator(`[data-appointment="${other.id}"]`).waitFor({ timeout: 5000 });
    }],
    ["every main page loads without an error, in light and dark", async () => {
      const problems = [];
      async function visit(page, host, pages) {
        for (const [path, shot] of pages) {
          await page.goto(server.url(host, path));
          await page.locator("main h1, h1").first().waitFor();
          await page.waitForLoadState("networkidle");
          const errors = await page.getByText("We couldn't load this").count();
          if (errors) problems.push(`${host}${path}: ${await page.getByRole("alert").first().textContent()}`);
          await screenshots(page, shot);
        }
      }
      const admin_ = await signedIn("platform", admin);
      await visit(admin_, "platform", [["/businesses", "platform-businesses"], ["/users", "platform-users"], ["/staff", "platform-staff"],
        ["/support", "platform-tickets"], ["/plans", "platform-plans"], ["/audit", "platform-audit"], ["/grants", "platform-grants"],
        ["/account", "platform-account"]]);
      const owner_ = await bellaOwner();
      await ensureBooked(owner_);
      await visit(owner_, bella.slug, [["/", "backoffice-dashboard"], ["/agenda", "backoffice-agenda"], ["/customers", "backoffice-customers"],
        ["/staff", "backoffice-staff"], ["/settings", "backoffice-settings"], ["/support", "backoffice-support"], ["/account", "backoffice-account"]]);
      assert.deepEqual(problems, []);
    }],
    ["the booking site and the customer portal fit a phone", async () => {
      const setup = await bellaOwner();
      await ensureBooked(setup);
      const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
      const page = await newPage(phone);
      await page.goto(server.url(bella.slug));
      await page.getByRole("button", { name: /Haircut/ }).waitFor();
      await screenshots(page, "booking-phone-services");
      await page.getByRole("button", { name: /Haircut/ }).click();
      await page.getByRole("button", { name: /Anyone available/ }).click();
      await pickDay(page, dayIn(7)); // a week ahead: a whole free day, whatever the hour now
      await page.getByRole("radio", { name: /^\d{1,2}:\d{2}/ }).first().waitFor();
      await screenshots(page, "booking-phone-times");
      const overflow = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, window.innerWidth) - 375);
      assert.ok(overflow <= 0, `the booking page scrolls sideways by ${overflow}px on a phone`);
      // A signed-in customer's portal (the account is made with the CLI; signing up is not what is tested).
      try {
        cli(env, "user", "create", "--email", customer.email, "--password", "casey-customer-pass", "--role", "CUSTOMER", "--tenant", bella.slug, "--name", customer.name);
      } catch { /* already there */ }
      const cust = await newPage(phone);
      await signIn(cust, bella.slug, { email: customer.email, password: "casey-customer-pass" });
      await cust.waitForURL((u) => !u.pathname.startsWith("/login"));
      await cust.goto(server.url(bella.slug, "/portal"));
      await cust.locator("h1").first().waitFor();
      await cust.waitForLoadState("networkidle");
      await screenshots(cust, "portal-phone");
      const portalOverflow = await cust.evaluate(() => Math.max(document.documentElement.scrollWidth, window.innerWidth) - 375);
      assert.ok(portalOverflow <= 0, `the portal scrolls sideways by ${portalOverflow}px on a phone`);
      assert.equal(await cust.getByText("We couldn't load this").count(), 0);
    }],
    // ---- consoles for what the API already offers ------------------------------------------
    ["the platform manager edits a business's overrides from its drawer", async () => {
      ensureBella();
      const page = await signedIn("platform", manager);
      await page.getByRole("navigation").getByRole("link", { name: "Businesses" }).click();
      await page.getByLabel("Search businesses").fill(bella.slug);
      await page.getByRole("button", { name: new RegExp(bella.name) }).first().click();
      const drawer = page.getByRole("dialog", { name: bella.name, exact: true });
      await drawer.getByRole("button", { name: "Edit overrides" }).click();
      const dialog = page.getByRole("dialog", { name: `Overrides for ${bella.name}` });
      await dialog.getByLabel("Services", { exact: true }).fill("12");
      await dialog.getByLabel("Resources: unlimited").check();
      await dialog.getByLabel("SMS reminders").selectOption("on");
      await screenshots(page, "platform-overrides");
      const saved = page.waitForRequest((r) => r.url().includes("/overrides") && r.method() === "PUT");
      await dialog.getByRole("button", { name: "Save overrides" }).click();
      const body = (await saved).postDataJSON();
      assert.equal(body.limits.maxServices, 12);
      assert.equal(body.limits.maxResources, null);
      assert.equal(body.features.smsReminders, true);
      await page.getByText(`Overrides saved for ${bella.name}.`).waitFor();
      const biz = (await apiOk(page, "GET", `/api/platform/businesses/?search=${bella.slug}`)).results[0];
      const o = await apiOk(page, "GET", `/api/platform/businesses/${biz.id}/overrides/`);
      assert.equal(o.limits.maxServices, 12);
      assert.equal(o.limits.maxResources, null);
      assert.equal(o.features.smsReminders, true);
      // The drawer shows the effective values, marked as overrides.
      await drawer.getByText("Unlimited").first().waitFor();
      await drawer.getByText(/\d+ overrides?/).waitFor();
    }],
    ["a platform manager disables a user after confirming", async () => {
      const victim = { email: "leaving@acme.test", password: "leaving-staff-password" };
      try { cli(env, "user", "create", "--email", victim.email, "--password", victim.password, "--role", "TENANT_STAFF", "--tenant", "acme", "--name", "Lee Leaving"); } catch { /* there */ }
      const page = await signedIn("platform", manager);
      await page.getByRole("navigation").getByRole("link", { name: "Users" }).click();
      await page.getByLabel("Search users").fill(victim.email);
      await page.getByRole("button", { name: `Disable ${victim.email}` }).click();
      const dialog = page.getByRole("dialog", { name: `Disable ${victim.email}?` });
      await dialog.getByText(/signed out everywhere/).waitFor();
      await screenshots(page, "platform-users-disable");
      // Keyboard: the dialog opens on the safe choice; Tab reaches the confirmation, Enter confirms.
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Cancel");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Disable user");
      await page.keyboard.press("Enter");
      await page.getByText(`${victim.email} is disabled and signed out everywhere.`).waitFor();
      await page.getByRole("row", { name: new RegExp(victim.email) }).getByText("Disabled").waitFor();
      const users = await apiOk(page, "GET", `/api/platform/users/?search=${encodeURIComponent(victim.email)}`);
      assert.equal(users.results[0].status, "disabled");
      const gone = await newPage();
      await signIn(gone, "acme", victim);
      await gone.getByRole("alert").first().waitFor();
      assert.ok(gone.url().includes("/login"), "a disabled user got past the sign-in page");
    }],
    ["the owner sees a support masquerade in the access-transparency log", async () => {
      // Set-up through the API: platform support starts a masquerade as Acme's owner.
      const sup = await signedIn("platform", support);
      const target = (await apiOk(sup, "GET", `/api/platform/users/?search=${encodeURIComponent(owner.email)}`)).results.find((u) => u.email === owner.email);
      const reason = "Ticket 77: the owner's week view is empty";
      await apiOk(sup, "POST", "/api/auth/masquerade/", { userId: target.id, reason });
      const page = await signedIn("acme", owner);
      await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
      await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Security" }).click();
      const log = page.getByRole("region", { name: "Access transparency" });
      const row = log.getByRole("row", { name: new RegExp(`${support.email} started acting as you`) });
      await row.waitFor();
      await row.getByText(reason).waitFor();
      await log.getByRole("tab", { name: "Permission grants" }).click();
      await log.getByText("Nothing of this kind yet").waitFor();
      await log.getByRole("tab", { name: "All" }).click();
      await row.waitFor();
      // The policy switch: require the owner's approval from now on.
      const sw = page.getByRole("switch", { name: /Require my approval/ });
      assert.equal(await sw.getAttribute("aria-checked"), "false");
      await sw.click();
      await page.getByText("Support now needs your approval to act as your users.").waitFor();
      assert.equal((await apiOk(page, "GET", "/api/support-access/policy/")).platformApprovalRequired, true);
      // Approve one named support person for an hour.
      await page.getByRole("button", { name: "Approve access" }).click();
      const dlg = page.getByRole("dialog", { name: "Approve support access" });
      await dlg.getByLabel("Support person's email").fill(support.email);
      await dlg.getByLabel("Reason").fill("Ticket 77");
      await dlg.getByRole("button", { name: "Approve" }).click();
      await page.getByText(`For ${support.email}`).waitFor();
      await screenshots(page, "backoffice-security");
      await sw.click();
      await page.getByText("Support can act as your users without asking first.").waitFor();
    }],
    ["a customer who booked as a guest signs up and sees the booking", async () => {
      ensureBella();
      const setup = await bellaOwner();
      const { res, svc } = await ensureCatalog(setup);
      const early = { name: "Erin Early", email: "erin@customer.test", password: "erin-early-password" };
      const page = await newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
      await page.goto(server.url(bella.slug, `/signup?email=${encodeURIComponent(early.email)}`));
      const doc = await apiOk(page, "GET", "/api/openapi.json");
      if (!doc.paths["/api/auth/register"]) {
        // This server has no sign-up yet: the page says so and offers booking as a guest.
        await page.getByRole("heading", { name: "Accounts aren't open yet" }).waitFor();
        await page.getByRole("link", { name: "Book an appointment" }).waitFor();
        await screenshots(page, "booking-signup-phone");
        console.log("     (no /api/auth/register on this server: checked the explanation instead of sign-up)");
        return;
      }
      await apiOk(setup, "POST", "/api/booking/", { serviceId: svc.id, resourceId: res.id, startTime: at(dayIn(2), "11:00"), customer: { name: early.name, email: early.email, phone: "" } });
      await page.getByRole("heading", { name: "Create your account" }).waitFor();
      assert.equal(await page.getByLabel("Email").inputValue(), early.email);
      await page.getByLabel("Full name").fill(early.name);
      await page.getByLabel("Password", { exact: true }).fill(early.password);
      await page.getByLabel("Confirm password").fill(early.password);
      await screenshots(page, "booking-signup-phone");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL((u) => u.pathname === "/portal");
      await page.getByRole("heading", { name: "My appointments" }).waitFor();
      // The guest booking joins the account only once the email is proved.
      assert.equal((await apiOk(page, "GET", "/api/auth/me/")).emailVerified, false);
      let link = null;
      for (let i = 0; i < 50 && !link; i++) { link = server.mailLink(early.email); if (!link) await page.waitForTimeout(100); }
      assert.ok(link, "a verification link was mailed");
      await page.goto(link);
      await page.getByText("Email confirmed").waitFor();
      await page.getByRole("link", { name: "Go to my appointments" }).click();
      await page.getByText(svc.name).first().waitFor();
      const me = await apiOk(page, "GET", "/api/auth/me/");
      assert.equal(me.role, "CUSTOMER");
      assert.equal(me.emailVerified, true);
      await screenshots(page, "portal-phone-after-signup");
    }],
    ["platform support masquerades as the owner and stops", async () => {
      ensureBella();
      const page = await signedIn("platform", support);
      await page.getByRole("navigation").getByRole("link", { name: "Users" }).click();
      await page.getByLabel("Search users").fill(bella.email);
      await page.getByRole("button", { name: `Masquerade as ${bella.email}` }).click();
      const dialog = page.getByRole("dialog", { name: /^Masquerade as/ });
      await dialog.getByLabel("Reason").fill("Ticket 42: the owner cannot see tomorrow's bookings");
      await dialog.getByRole("button", { name: "Start masquerade" }).click();
      await page.waitForURL((u) => u.hostname === `${bella.slug}.localhost` && !u.pathname.startsWith("/auth/"));
      const banner = page.getByRole("region", { name: "Masquerade" });
      await banner.getByText(support.email).waitFor();
      await banner.getByText(bella.email).waitFor();
      const me = await apiOk(page, "GET", "/api/auth/me/");
      assert.equal(me.email, bella.email);
      assert.equal(me.masquerade.impersonator.email, support.email);
      await screenshots(page, "backoffice-masquerade");
      await banner.getByRole("button", { name: "Stop masquerading" }).click();
      await page.waitForURL((u) => u.hostname === "platform.localhost");
      await page.getByRole("navigation").first().waitFor();
      const back = await apiOk(page, "GET", "/api/auth/me/");
      assert.equal(back.email, support.email);
      assert.equal(back.masquerade, null);
    }],
    // ---- sales demos, the team, temporary permissions -------------------------------------
    ["a sales user creates a demo business; the login shown once signs in on its host", async () => {
      const sales = { email: "sales@platform.test", password: "platform-sales-secret" };
      const demo = { name: "Glow Spa Demo", slug: "glow-spa-demo" };
      try { cli(env, "user", "create", "--email", sales.email, "--password", sales.password, "--role", "PLATFORM_SALES", "--name", "Sam Sales"); } catch { /* there */ }
      const page = await signedIn("platform", sales);
      // Sales sees businesses (read-only) and demos, not what it may not use.
      const nav = page.getByRole("navigation").first();
      await nav.getByRole("link", { name: "Businesses" }).click();
      assert.equal(await nav.getByRole("link", { name: "Permission grants" }).count(), 0);
      assert.equal(await page.getByRole("button", { name: "Invite business" }).count(), 0);
      await page.getByRole("button", { name: "Create demo" }).click();
      const dialog = page.getByRole("dialog", { name: "Create a demo business" });
      await dialog.getByLabel("Business name").fill(demo.name);
      assert.equal(await dialog.getByLabel("Address").inputValue(), demo.slug, "the address is suggested from the name");
      await dialog.getByLabel("Plan").selectOption("professional");
      await screenshots(page, "platform-demo-create");
      const created = page.waitForResponse((r) => r.url().includes("/api/platform/demo-tenants") && r.request().method() === "POST");
      await dialog.getByRole("button", { name: "Create demo" }).click();
      const res = await created;
      assert.ok(res.ok(), `POST demo-tenants → ${res.status()} ${await res.text()}`);
      const ready = page.getByRole("dialog", { name: "Demo business ready" });
      const shown = async (k) => (await ready.getByLabel(k, { exact: true }).textContent()).trim();
      const login = { url: await shown("Sign-in address"), email: await shown("Email"), password: await shown("Password") };
      assert.equal(login.email, `owner@${demo.slug}.demo.example`);
      assert.ok(login.password.length >= 12, "a generated password is shown");
      await ready.getByText("It is shown only this once.").waitFor();
      await screenshots(page, "platform-demo-ready");
      await ready.getByRole("button", { name: "Done" }).click();
      await page.getByLabel("Search businesses").fill(demo.slug);
      await page.getByRole("row", { name: new RegExp(demo.name) }).getByText("Demo", { exact: true }).waitFor();
      // The logins work on the new business's own host.
      const u = new URL(login.url);
      assert.equal(u.hostname, `${demo.slug}.localhost`);
      const owner_ = await newPage();
      await owner_.goto(server.url(demo.slug, u.pathname));
      await owner_.getByLabel("Email").fill(login.email);
      await owner_.getByLabel("Password").fill(login.password);
      await owner_.getByRole("button", { name: "Sign in" }).click();
      await owner_.getByRole("navigation").getByText("Scheduler").first().waitFor();
      const me = await apiOk(owner_, "GET", "/api/auth/me/");
      assert.equal(me.role, "TENANT_OWNER");
      assert.equal(me.email, login.email);
      assert.ok((await apiOk(owner_, "GET", "/api/resources/")).count > 0, "the demo comes with realistic data");
    }],
    ["the owner promotes a staff member to manager and disables another", async () => {
      const pat = { email: "pat@acme.test", password: "pat-staff-password", name: "Pat Promoted" };
      const dee = { email: "dee@acme.test", password: "dee-staff-password", name: "Dee Departing" };
      for (const u of [pat, dee]) {
        try { cli(env, "user", "create", "--email", u.email, "--password", u.password, "--role", "TENANT_STAFF", "--tenant", "acme", "--name", u.name); } catch { /* there */ }
      }
      const deeSession = await signedIn("acme", dee); // signed in before being disabled
      const page = await signedIn("acme", owner);
      await page.getByRole("navigation").getByRole("link", { name: "Staff" }).click();
      const team = page.getByRole("table", { name: "Team" });
      const row = (u) => team.getByRole("row", { name: new RegExp(u.email) });
      await row(pat).getByText("Staff", { exact: true }).waitFor();
      // Promote Pat.
      await row(pat).getByRole("button", { name: `Change ${pat.email}` }).click();
      let dialog = page.getByRole("dialog", { name: `Change ${pat.name}` });
      await dialog.getByLabel("Role").selectOption("TENANT_MANAGER");
      await dialog.getByRole("button", { name: "Save role" }).click();
      await page.getByText("Role changed.").waitFor();
      await row(pat).getByText("Manager", { exact: true }).waitFor();
      // Disable Dee, after confirming.
      await row(dee).getByRole("button", { name: `Change ${dee.email}` }).click();
      dialog = page.getByRole("dialog", { name: `Change ${dee.name}` });
      await dialog.getByRole("button", { name: "Disable" }).click();
      const confirm = page.getByRole("dialog", { name: `Disable ${dee.name}?` });
      await confirm.getByText(/signed out at once/).waitFor();
      await screenshots(page, "backoffice-staff-disable");
      await confirm.getByRole("button", { name: "Disable" }).click();
      await page.getByText(`${dee.email} is disabled and signed out.`).waitFor();
      await row(dee).getByText("Disabled", { exact: true }).waitFor();
      await screenshots(page, "backoffice-staff-team");
      const members = (await apiOk(page, "GET", "/api/staff/")).results;
      assert.equal(members.find((m) => m.email === pat.email).role, "TENANT_MANAGER");
      assert.equal(members.find((m) => m.email === dee.email).status, "disabled");
      // Dee's open session ends and she cannot sign in again; Pat signs in as a manager.
      assert.equal((await api(deeSession, "GET", "/api/auth/me/")).status, 401);
      const gone = await newPage();
      await signIn(gone, "acme", dee);
      await gone.getByRole("alert").first().waitFor();
      assert.ok(gone.url().includes("/login"), "a disabled staff member got past the sign-in page");
      const promoted = await signedIn("acme", pat);
      assert.equal((await apiOk(promoted, "GET", "/api/auth/me/")).role, "TENANT_MANAGER");
    }],
    ["the owner lends a staff member a permission for a while and revokes it", async () => {
      const kim = { email: "kim@acme.test", password: "kim-staff-password", name: "Kim Cover" };
      try { cli(env, "user", "create", "--email", kim.email, "--password", kim.password, "--role", "TENANT_STAFF", "--tenant", "acme", "--name", kim.name); } catch { /* there */ }
      const page = await signedIn("acme", owner);
      await page.goto(server.url("acme", "/staff"));
      const card = page.getByRole("region", { name: "Temporary permissions" });
      await card.getByRole("button", { name: "Grant a permission" }).click();
      const dialog = page.getByRole("dialog", { name: "Grant a permission" });
      await dialog.getByLabel("Team member").selectOption({ label: `${kim.name} (${kim.email})` });
      await dialog.getByLabel("Permission").selectOption("customers.write");
      await dialog.getByLabel("For").selectOption("60");
      await dialog.getByLabel("Reason").fill("Covering the front desk on Saturday");
      await screenshots(page, "backoffice-grant");
      await dialog.getByRole("button", { name: "Grant", exact: true }).click();
      await page.getByText("Permission granted.").waitFor();
      const grantRow = card.getByRole("row", { name: new RegExp(kim.name) });
      await grantRow.getByText("Change customer records").waitFor();
      const kimId = (await apiOk(page, "GET", "/api/staff/")).results.find((m) => m.email === kim.email).id;
      const find = async (status) => (await apiOk(page, "GET", `/api/permission-grants/?status=${status}`)).results
        .find((g) => g.granteeId === kimId && g.action === "customers.write");
      const g = await find("active");
      assert.ok(g, "the grant is not active");
      assert.equal(g.status, "active");
      assert.equal(g.reason, "Covering the front desk on Saturday");
      const mins = (Date.parse(g.expiresAt) - Date.now()) / 60_000;
      assert.ok(mins > 55 && mins <= 60, `the grant ends in ${mins} minutes, not about an hour`);
      await screenshots(page, "backoffice-grants");
      // Revoke it, after confirming.
      await grantRow.getByRole("button", { name: `Revoke customers.write for ${kim.name}` }).click();
      await page.getByRole("dialog", { name: "Revoke this permission?" }).getByRole("button", { name: "Revoke" }).click();
      await page.getByText("Permission revoked.").waitFor();
      await card.getByText("No active grants").waitFor();
      assert.equal(await find("active"), undefined);
      const revoked = await find("revoked");
      assert.equal(revoked?.id, g.id);
      assert.equal(revoked.status, "revoked");
      assert.ok(revoked.revokedAt, "the revocation time is recorded");
      await card.getByRole("tab", { name: "revoked" }).click();
      await card.getByRole("row", { name: new RegExp(kim.name) }).getByText("Revoked", { exact: true }).waitFor();
    }],
    ["a platform manager picks a grant's grantee by typing a name, with the keyboard", async () => {
      const page = await signedIn("platform", manager);
      await page.getByRole("navigation").getByRole("link", { name: "Permission grants" }).click();
      await page.getByRole("button", { name: "New grant" }).click();
      const dialog = page.getByRole("dialog", { name: "Grant a permission" });
      const box = dialog.getByRole("combobox", { name: "Grantee" });
      await box.focus();
      await page.keyboard.type("Sol Sup");
      const listbox = dialog.getByRole("listbox", { name: "Grantee" });
      const option = listbox.getByRole("option", { name: /Sol Support/ });
      await dialog.locator('[role="listbox"][aria-busy="false"]').waitFor(); // the answer to "Sol Sup", not an earlier list
      assert.equal(await listbox.getByRole("option").count(), 1);
      assert.equal(await box.getAttribute("aria-expanded"), "true");
      await screenshots(page, "platform-grant-picker");
      // Escape closes the list, not the dialog; ArrowDown opens it again, Enter chooses.
      await page.keyboard.press("Escape");
      await listbox.waitFor({ state: "hidden" });
      assert.ok(await dialog.isVisible(), "Escape in the picker closed the dialog");
      await page.keyboard.press("ArrowDown");
      await option.waitFor();
      assert.equal(await box.getAttribute("aria-activedescendant"), await option.getAttribute("id"));
      assert.equal(await option.getAttribute("aria-selected"), "true");
      await page.keyboard.press("Enter");
      assert.equal(await box.inputValue(), `Sol Support (${support.email})`);
      assert.equal(await box.getAttribute("aria-expanded"), "false");
      await dialog.getByLabel("Permission").selectOption("platform.audit.read");
      await dialog.getByLabel("Reason").fill("Ticket 90: reviewing the masquerade log");
      const sent = page.waitForRequest((r) => r.url().includes("/api/platform/permission-grants") && r.method() === "POST");
      await dialog.getByRole("button", { name: "Create grant" }).click();
      const body = (await sent).postDataJSON();
      const sol = (await apiOk(page, "GET", `/api/platform/users/?search=${encodeURIComponent(support.email)}`)).results[0];
      assert.equal(body.granteeId, sol.id);
      assert.equal(body.action, "platform.audit.read");
      await page.getByText(`Granted platform.audit.read to ${support.email}.`).waitFor();
      await page.getByRole("row", { name: new RegExp(`Sol Support.*${support.email}`) }).getByText("platform.audit.read").waitFor();
      await screenshots(page, "platform-grants-list");
      // The audit log's actor filter is the same picker.
      await page.getByRole("navigation").getByRole("link", { name: "Audit log" }).click();
      const actor = page.getByRole("combobox", { name: "Actor" });
      await actor.fill("Mia");
      const filtered = page.waitForRequest((r) => r.url().includes("/api/platform/audit-log/") && r.url().includes("actor_id="));
      await page.getByRole("option", { name: /Mia Manager/ }).click();
      assert.equal(new URL((await filtered).url()).searchParams.get("actor_id"), (await apiOk(page, "GET", "/api/auth/me/")).id);
      await page.getByRole("row", { name: /GRANT_CREATED/ }).first().waitFor();
      await screenshots(page, "platform-audit-actor");
    }],
    ["the scheduler's title fits its toolbar at 1024, 1280 and 1440 px, beside the Live indicator", async () => {
      const page = await bellaOwner();
      await ensureCatalog(page);
      await page.goto(server.url(bella.slug, "/scheduler"));
      await page.getByLabel("Go to date").fill("2025-11-23"); // a Sunday in November: the long title of the report
      const title = page.getByTestId("scheduler-title");
      await page.locator('[data-testid="scheduler-title"][title="Sunday, November 23, 2025"]').waitFor();
      for (const [width, shows] of [[1024, "Sun, Nov 23"], [1280, "Sun, Nov 23, 2025"], [1440, "Sunday, November 23, 2025"]]) {
        await page.setViewportSize({ width, height: 800 });
        await page.getByText("Live", { exact: true }).waitFor();
        const m = await title.evaluate((p) => ({
          clipped: p.scrollWidth > p.clientWidth + 1,
          visible: [...p.querySelectorAll("span")].filter((s) => s.getClientRects().length && !s.classList.contains("sr-only")).map((s) => s.textContent),
          full: p.getAttribute("title"),
        }));
        assert.deepEqual(m, { clipped: false, visible: [shows], full: "Sunday, November 23, 2025" }, `at ${width}px`);
        const bar = await title.evaluate((p) => p.parentElement.getBoundingClientRect().height);
        assert.ok(bar < 70, `at ${width}px the toolbar wraps onto a second line (${bar}px)`);
        assert.ok(await page.getByRole("button", { name: "New appointment" }).isVisible());
      }
      await screenshots(page, "backoffice-scheduler-1440");
    }],
    // ---- custom domains --------------------------------------------------------------------
    ["the owner adds a custom domain, copies its DNS records, sees why verification fails; support verifies it by hand", async () => {
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
      const r = await hostGet(host, "/api/tenant/config/");
      assert.equal(r.status, 404, "a pending domain must not answer");

      // Support verifies by hand (support case); the domain answers at once.
      const mgr = await signedIn("platform", manager);
      const biz = (await apiOk(mgr, "GET", `/api/platform/businesses/?search=${dom.slug}`)).results[0];
      const v = await apiOk(mgr, "POST", `/api/platform/businesses/${biz.id}/domains/${host}/verify/`, { reason: "e2e: DNS not reachable" });
      assert.equal(v.status, "verified");
      const ok = await hostGet(host, "/api/tenant/config/");
      assert.equal(ok.status, 200);
      assert.equal(JSON.parse(ok.body).subdomain, dom.slug);
      await page.reload();
      await item.getByText("Verified").waitFor();

      // Removing asks first, then the domain stops answering.
      await item.getByRole("button", { name: `Remove ${host}` }).click();
      await page.getByRole("dialog", { name: `Remove ${host}?` }).getByRole("button", { name: "Remove domain" }).click();
      await page.getByText(`${host} removed.`).waitFor();
      await item.waitFor({ state: "detached" }); // the list refetches after the toast
      assert.equal((await hostGet(host, "/api/tenant/config/")).status, 404);
    }],
  ]);
  failed = !ok;
} finally {
  await browser.close();
  await server.stop();
  if (failed) console.log("server log (last lines):\n" + server.log().split("\n").filter((l) => !/level=INFO msg=request/.test(l)).slice(-30).join("\n"));
}
process.exit(failed ? 1 : 0);
