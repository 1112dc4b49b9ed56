// The consoles, sales demos, the team and temporary permissions, on the
// businesses every server starts with.
import assert from "node:assert/strict";
import { api, apiOk, cli, manager, owner, screenshots, support, test } from "./fixtures.mjs";

test("a platform manager disables a user after confirming", async ({ env, newPage, signIn, signedIn }) => {
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
});

test("the owner sees a support masquerade in the access-transparency log", async ({ signedIn }) => {
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
});

test("a sales user creates a demo business; the login shown once signs in on its host", async ({ server, env, newPage, signedIn }) => {
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
});

test("the owner promotes a staff member to manager and disables another", async ({ env, newPage, signIn, signedIn }) => {
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
});

test("the owner lends a staff member a permission for a while and revokes it", async ({ server, env, signedIn }) => {
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
  await grantRow.getByText(/Create, change and delete customer records/).waitFor();
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
});

test("a platform manager picks a grant's grantee by typing a name, with the keyboard", async ({ signedIn }) => {
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
});
