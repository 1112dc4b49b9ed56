// The product's main journey: a platform manager invites a business (with a
// tier override), its owner accepts on the apex host, sets hours, adds a
// resource and a service, an anonymous customer books on the booking site,
// the owner sees it on the scheduler, drags it to another time and watches a
// conflicting drag snap back with the reason; then what builds on that
// business. The steps run in order on one server, and each can run alone
// (`npx playwright test -g NAME`): when an earlier step did not leave what
// it needs, it sets that up through the CLI or the API.
import assert from "node:assert/strict";
import {
  admin, api, apiOk, at, bella, clock, cli, customer, day, dayIn, desktop, drag, ensureBooked, ensureCatalog,
  manager, PX_PER_MIN, pickDay, schedulerAt, screenshots, support, test, TZ,
} from "./fixtures.mjs";

test("the platform manager invites a business, overriding a tier limit", async ({ signedIn }) => {
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
});

test("the invited owner opens the business from the e-mail link and signs in", async ({ server, newPage, signIn }) => {
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
  server.bellaExists = true;
  await signIn(page, bella.slug, bella);
  await page.getByRole("navigation").getByText("Scheduler").first().waitFor();
  const me = await apiOk(page, "GET", "/api/auth/me/");
  assert.equal(me.role, "TENANT_OWNER");
});

test("the owner sets the business hours", async ({ bellaOwner }) => {
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
});

test("the owner adds a resource and a service", async ({ bellaOwner }) => {
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
});

test("an anonymous customer books on the booking site", async ({ server, newPage, ensureBella, bellaOwner }) => {
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
});

test("the booking appears on the owner's scheduler", async ({ bellaOwner }) => {
  const page = await bellaOwner();
  const { appt } = await ensureBooked(page);
  const block = await schedulerAt(page, appt.id);
  assert.match(await block.getAttribute("aria-label"), new RegExp(`^${customer.name}, Haircut`));
  await screenshots(page, "backoffice-scheduler");
});

test("the owner drags the appointment to another time", async ({ bellaOwner }) => {
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
});

test("a drag onto a busy time snaps back and says why", async ({ bellaOwner }) => {
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
});

test("a booking made elsewhere appears on the open scheduler at once", async ({ server, newPage, bellaOwner }) => {
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
});

// Runs in the desktop project (light) and in desktop-dark; each saves its own screenshots.
test("every main page loads without an error, in light and dark", { tag: "@dark" }, async ({ server, signedIn, bellaOwner, colorScheme }) => {
  const problems = [];
  async function visit(page, host, pages) {
    for (const [path, shot] of pages) {
      await page.goto(server.url(host, path));
      await page.locator("main h1, h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      const errors = await page.getByText("We couldn't load this").count();
      if (errors) problems.push(`${host}${path}: ${await page.getByRole("alert").first().textContent()}`);
      await screenshots(page, shot, [colorScheme ?? "light"]);
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
});

test("the booking site and the customer portal fit a phone", { tag: "@phone" }, async ({ server, env, newPage, signIn, bellaOwner }) => {
  const setup = await bellaOwner(desktop);
  await ensureBooked(setup);
  const page = await newPage();
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
  const cust = await newPage();
  await signIn(cust, bella.slug, { email: customer.email, password: "casey-customer-pass" });
  await cust.waitForURL((u) => !u.pathname.startsWith("/login"));
  await cust.goto(server.url(bella.slug, "/portal"));
  await cust.locator("h1").first().waitFor();
  await cust.waitForLoadState("networkidle");
  await screenshots(cust, "portal-phone");
  const portalOverflow = await cust.evaluate(() => Math.max(document.documentElement.scrollWidth, window.innerWidth) - 375);
  assert.ok(portalOverflow <= 0, `the portal scrolls sideways by ${portalOverflow}px on a phone`);
  assert.equal(await cust.getByText("We couldn't load this").count(), 0);
});

test("the platform manager edits a business's overrides from its drawer", async ({ signedIn, ensureBella }) => {
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
});

test("a customer who booked as a guest signs up and sees the booking", { tag: "@phone" }, async ({ server, newPage, ensureBella, bellaOwner }) => {
  ensureBella();
  const setup = await bellaOwner(desktop);
  const { res, svc } = await ensureCatalog(setup);
  const early = { name: "Erin Early", email: "erin@customer.test", password: "erin-early-password" };
  const page = await newPage();
  await page.goto(server.url(bella.slug, `/signup?email=${encodeURIComponent(early.email)}`));
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
});

test("platform support masquerades as the owner and stops", async ({ signedIn, ensureBella }) => {
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
});

test("the scheduler's title fits its toolbar at 1024, 1280 and 1440 px, beside the Live indicator", async ({ server, bellaOwner }) => {
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
});
