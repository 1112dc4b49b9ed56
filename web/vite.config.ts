import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";

// The Go server serves dist/ (see embed.go). The dev server proxies the API
// and the WebSocket to it, keeping the Host header (changeOrigin: false) so
// that tenant resolution by host works: open http://acme.localhost:5173.
const backend = "http://localhost:8000";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    host: true,
    allowedHosts: [".localhost", "localhost"],
    proxy: {
      "/api": { target: backend, changeOrigin: false },
      "/ws": { target: backend, changeOrigin: false, ws: true },
    },
  },
  preview: { host: true, allowedHosts: [".localhost", "localhost"] },
  build: {
    outDir: "dist",
    // keep dist/.placeholder; scripts/clean-dist.mjs removes the old output
    emptyOutDir: false,
    target: "es2022",
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
