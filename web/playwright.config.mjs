// Browser tests: each Playwright worker starts a real `smoothschedule serve`
// on a fresh database (e2e/fixtures.mjs) and drives Debian's Chromium. Run
// with `make e2e`, or from web/ after `make build`: `npx playwright test`
// (-g REGEX for some tests; SS_BINARY=/path/to/binary to test another build,
// CHROMIUM_PATH for another browser, E2E_TZ for the test businesses' zone).
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/harness.mjs";

// Each wait is bounded (E2E_TIMEOUT_MS, 30 s by default: generous on a shared CI machine).
const timeout = Number(process.env.E2E_TIMEOUT_MS || 30_000);
const desktop = { width: 1280, height: 800 };

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.mjs",
  // A file's tests run in order on one worker (and so one server): the journey
  // builds on what its earlier steps left. Two workers, each a server and a
  // browser, are what a 2-core machine takes; E2E_WORKERS changes it.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS || 2),
  retries: 0,
  timeout: 180_000,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions,
    locale: "en-US",
    timezoneId: process.env.E2E_TZ || "Europe/Berlin",
    viewport: desktop,
    actionTimeout: timeout,
    navigationTimeout: timeout,
    // DOM snapshots, not a screencast: recording frames of every test costs too much CPU here.
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
  },
  // Tests tagged @phone run on a phone only; @dark ones also in dark mode.
  projects: [
    { name: "desktop", grepInvert: /@phone/ },
    { name: "phone", grep: /@phone/, use: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } },
    { name: "desktop-dark", grep: /@dark/, use: { colorScheme: "dark" } },
  ],
});
