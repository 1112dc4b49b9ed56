// Browser-test harness: a fresh database, a real `smoothschedule serve`, and
// Debian's Chromium driven by playwright-core. No mocks: what the tests see
// is what a person sees.
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
export const binary = process.env.SS_BINARY || path.join(root, "bin/smoothschedule");
export const shotsDir = path.join(here, "screenshots");

const adminURL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable";

function dbURL(name) {
  const u = new URL(adminURL);
  u.pathname = "/" + name;
  return u.toString();
}

function psql(sql) {
  execFileSync("psql", [adminURL, "-qAtc", sql], { stdio: ["ignore", "pipe", "inherit"] });
}

/** Runs the CLI against the test database; returns stdout. */
export function cli(env, ...args) {
  return execFileSync(binary, args, { env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Starts a server on a fresh database. */
export async function startServer() {
  const name = "ss_e2e_" + Math.random().toString(16).slice(2, 10);
  psql(`CREATE DATABASE ${name}`);
  const port = 18000 + Math.floor(Math.random() * 2000);
  const env = {
    DATABASE_URL: dbURL(name),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "ss-e2e-")),
    LISTEN_ADDR: `127.0.0.1:${port}`,
    LOG_LEVEL: "info", // the development mailer logs each e-mail's link at info

    MIGRATE: "true",
  };
  cli(env, "migrate");
  const proc = spawn(binary, ["serve"], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  proc.stderr.on("data", (d) => (log += d));
  const base = (host) => `http://${host}.localhost:${port}`;
  // Generous but bounded: the CI machine is shared, a start can take seconds.
  const deadline = Date.now() + Number(process.env.E2E_START_TIMEOUT_MS || 60_000);
  for (let up = false; !up; ) {
    if (proc.exitCode !== null) throw new Error(`smoothschedule serve exited (${proc.exitCode}):\n${log.slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`smoothschedule serve not healthy after ${process.env.E2E_START_TIMEOUT_MS || 60_000} ms:\n${log.slice(-2000)}`);
    try {
      up = (await fetch(`http://127.0.0.1:${port}/api/health/`, { signal: AbortSignal.timeout(5000) })).ok;
    } catch {}
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  return {
    env,
    port,
    url: (host, p = "/") => (host ? base(host) : `http://localhost:${port}`) + p,
    log: () => log,
    /** The link of the last e-mail the development mailer logged to someone. */
    mailLink(to) {
      const lines = log.split("\n").filter((l) => l.includes("mail (not sent") && l.includes(to));
      const m = lines.at(-1)?.match(/link=("?)(\S+?)\1(?:\s|$)/);
      return m ? m[2] : null;
    },
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once("exit", r));
        proc.kill("SIGINT");
        const kill = setTimeout(() => proc.kill("SIGKILL"), 20_000); // a graceful stop is bounded too
        await exited;
        clearTimeout(kill);
      }
      psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

/** Saves a screenshot of page in light and dark mode under e2e/screenshots. */
export async function screenshots(page, name) {
  mkdirSync(shotsDir, { recursive: true });
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(shotsDir, `${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** A tiny runner: named steps, each failure reported, a closing tally. E2E_ONLY=regex runs the matching tests (each sets up what it needs). */
export async function run(tests) {
  let passed = 0, failed = 0;
  const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY, "i") : null;
  for (const [name, fn] of tests) {
    if (only && !only.test(name)) continue;
    const start = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok   ${name} (${Date.now() - start} ms)`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(err && err.stack || err).split("\n").slice(0, 6).join("\n     ")}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}
