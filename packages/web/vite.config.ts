import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const workspaceSource = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

// The page bundles the engine from its TypeScript sources and the scenario
// package's browser entry (no file system); the built page is static files
// with relative URLs, so any static host (or `pnpm serve`) can serve it.
export default defineConfig({
  base: "./",
  resolve: {
    alias: [
      { find: /^@chipsim\/core$/, replacement: workspaceSource("core/src/index.ts") },
      { find: /^@chipsim\/scenarios\/browser$/, replacement: workspaceSource("scenarios/src/browser.ts") },
    ],
  },
  worker: { format: "es" },
  build: { outDir: "dist", target: "es2022", chunkSizeWarningLimit: 4096 },
});
