// Browser-test harness: a fresh database, a real `smoothschedule serve`, and
// Debian's Chromium. No mocks: what the tests see is what a person sees. The
// Playwright suite (e2e/*.spec.mjs, through e2e/fixtures.mjs) and
// e2e/tti.mjs share it.
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

/** How the browser is started: Debian's Chromium (Playwright cannot download its own here). */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
};

export async function launchBrowser() {
  return chromium.launch(chromiumLaunchOptions);
}

/**
 * Saves a full-page screenshot of page under e2e/screenshots as NAME-SCHEME.png,
 * in light and dark mode unless told which, and puts the page back in the
 * scheme it was in.
 */
export async function screenshots(page, name, schemes = ["light", "dark"]) {
  mkdirSync(shotsDir, { recursive: true });
  const was = await page.evaluate(() => (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"));
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(shotsDir, `${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: was });
}
