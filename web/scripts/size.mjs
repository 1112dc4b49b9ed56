// Gzip budget report. For each site route, sums the entry chunk plus the lazy
// chunks that route loads (and their static imports), read from the build.
// Usage: npm run build && npm run size   (exits 1 if the booking site > 150 kB)
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";

const dir = new URL("../dist/assets/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
const src = (f) => readFileSync(new URL(f, dir), "utf8");
const gz = (f) => gzipSync(readFileSync(new URL(f, dir))).length;
const staticDeps = (f) => [...src(f).matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]);
const byName = (prefix) => files.find((f) => f.startsWith(prefix + "-"));
const html = readFileSync(new URL("../dist/index.html", import.meta.url), "utf8");
const entry = html.match(/assets\/([\w.-]+\.js)/)[1];

function closure(roots) {
  const seen = new Set();
  const walk = (f) => { if (!f || seen.has(f)) return; seen.add(f); staticDeps(f).forEach(walk); };
  roots.forEach(walk);
  return seen;
}
const kb = (n) => (n / 1024).toFixed(1) + " kB";
const sum = (set) => [...set].reduce((a, f) => a + gz(f), 0);
const routes = {
  "booking site (tenant, anonymous)": [entry, byName("TenantApp"), byName("BookingSite")],
  "back office (scheduler)": [entry, byName("TenantApp"), byName("BackOffice"), byName("SchedulerPage")],
  "platform console (dashboard)": [entry, byName("PlatformApp"), byName("Dashboard")],
};
let fail = false;
for (const [name, roots] of Object.entries(routes)) {
  const set = closure(roots.filter(Boolean));
  const total = sum(set);
  console.log(`${name.padEnd(36)} ${kb(total).padStart(9)} gzip JS in ${set.size} files`);
  if (name.startsWith("booking")) {
    const leaked = [...set].filter((f) => /^(BackOffice|SchedulerPage|PlatformApp|Businesses|charts)-/.test(f));
    if (leaked.length) { console.log("  booking loads back-office/platform code:", leaked.join(", ")); fail = true; }
    if (total > 150 * 1024) { console.log("  over the 150 kB budget"); fail = true; }
  }
}
const css = readdirSync(dir).filter((f) => f.endsWith(".css"));
console.log(`${"CSS (all sites)".padEnd(36)} ${kb(css.reduce((a, f) => a + gz(f), 0)).padStart(9)} gzip`);
process.exit(fail ? 1 : 0);
