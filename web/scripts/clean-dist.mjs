// Removes the previous build output but keeps dist/.placeholder, which is
// committed so that the Go embed (web/embed.go) compiles before any build.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
rmSync(dist + "assets", { recursive: true, force: true });
rmSync(dist + "index.html", { force: true });
