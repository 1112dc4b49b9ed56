// Fails when src/api/schema.gen.ts is not what `npm run gen:api` makes of
// openapi.json, so the typed client always matches the saved document (and,
// through cmd/smoothschedule's test, the server built from the same commit).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "ss-check-api-"));
try {
  const fresh = join(dir, "schema.gen.ts");
  execFileSync(join(web, "node_modules/.bin/openapi-typescript"), ["openapi.json", "-o", fresh], { cwd: web, stdio: ["ignore", "ignore", "inherit"] });
  if (readFileSync(fresh, "utf8") !== readFileSync(join(web, "src/api/schema.gen.ts"), "utf8")) {
    console.error("src/api/schema.gen.ts is not generated from openapi.json: run npm run gen:api (in web/) and commit the result.");
    process.exit(1);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
