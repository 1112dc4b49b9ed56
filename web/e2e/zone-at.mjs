#!/usr/bin/env node
// Prints the IANA time zone whose local time right now is closest to HH:MM,
// so the browser tests can run as if it were late evening or just after
// midnight for the test businesses:
//
//   E2E_TZ=$(node e2e/zone-at.mjs 23:30) npx playwright test
//
// Zones come from the ICU list (Intl.supportedValuesOf, the one the web app's
// time-zone picker offers), kept to those the host's tzdata also knows when
// /usr/share/zoneinfo exists (the server embeds Go's tzdata anyway). Among
// zones at the same distance a city with whole-hour offset wins, then the
// alphabetically first, so the choice is stable. `--all` prints the distance
// and the local time too (on stderr).
import { existsSync } from "node:fs";

const arg = process.argv.find((a) => /^\d{1,2}:\d{2}$/.test(a));
if (!arg) {
  console.error("usage: node e2e/zone-at.mjs HH:MM [--all]");
  process.exit(2);
}
const [th, tm] = arg.split(":").map(Number);
const target = th * 60 + tm;
const now = new Date();

/** Minutes since local midnight of `now` in tz. */
function localMinutes(tz) {
  const p = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: tz, hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .formatToParts(now).map((x) => [x.type, x.value]));
  return Number(p.hour) * 60 + Number(p.minute);
}
/** Circular distance in minutes between two times of day. */
const dist = (a, b) => { const d = Math.abs(a - b) % 1440; return Math.min(d, 1440 - d); };

const zones = Intl.supportedValuesOf("timeZone").filter((z) => z.includes("/") && !z.startsWith("Etc/"))
  .filter((z) => !existsSync("/usr/share/zoneinfo") || existsSync(`/usr/share/zoneinfo/${z}`));
const ranked = zones.map((z) => { const m = localMinutes(z); return { z, m, d: dist(m, target), odd: m % 60 !== now.getUTCMinutes() }; })
  .sort((a, b) => a.d - b.d || Number(a.odd) - Number(b.odd) || a.z.localeCompare(b.z));
const best = ranked[0];
if (process.argv.includes("--all")) {
  const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  console.error(`${best.z}: local time ${hhmm(best.m)}, ${best.d} min from ${arg}`);
}
console.log(best.z);
