// Prints gzip sizes of the built JavaScript, and what each site entry loads.
// Usage: npm run build && npm run size
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
const dir = new URL("../dist/assets/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".js") || f.endsWith(".css"));
const size = (f) => gzipSync(readFileSync(new URL(f, dir))).length;
let total = 0;
for (const f of files.sort()) {
  const s = size(f);
  total += s;
  console.log(`${(s / 1024).toFixed(1).padStart(8)} kB  ${f}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(8)} kB  total (gzip)`);
