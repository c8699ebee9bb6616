import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { inlineIntoHtml } from "./inlineIntoHtml.js";

const workspaceSource = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

// The page bundles the engine from its TypeScript sources and the scenario
// package's browser entry (no file system). The build is one index.html
// with its script, stylesheet and worker inside, so it opens from disk as
// well as from any static host (or `pnpm serve`).
export default defineConfig({
  base: "./",
  resolve: {
    alias: [
      { find: /^@chipsim\/core$/, replacement: workspaceSource("core/src/index.ts") },
      { find: /^@chipsim\/scenarios\/browser$/, replacement: workspaceSource("scenarios/src/browser.ts") },
    ],
  },
  plugins: [inlineIntoHtml()],
  worker: { format: "iife" },
  build: { outDir: "dist", target: "es2022", chunkSizeWarningLimit: 4096, rollupOptions: { output: { inlineDynamicImports: true } } },
});
