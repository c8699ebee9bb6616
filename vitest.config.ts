import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, not the built dist/.
    alias: [
      { find: /^@chipsim\/core$/, replacement: src("core") },
      { find: /^@chipsim\/core\/engine$/, replacement: src("core").replace(/index\.ts$/, "engine.ts") },
      { find: /^@chipsim\/scenarios$/, replacement: src("scenarios") },
      { find: /^@chipsim\/scenarios\/browser$/, replacement: src("scenarios").replace(/index\.ts$/, "browser.ts") },
      { find: /^@chipsim\/cli$/, replacement: src("cli") },
    ],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/setup/build.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
