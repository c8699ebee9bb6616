import { fileURLToPath } from "node:url";

// Set by the first lines of every bundled file (scripts/bundle.mjs); undeclared in the modules tsc writes.
declare const CHIPSIM_BUNDLE_URL: string | undefined;

/**
 * The bundled file this code runs from (`chipsim`, `pnpm chipsim`, the
 * container, the benchmark's child), or undefined when it runs as the
 * modules tsc writes (tests in process, `node packages/cli/dist/bin.js`).
 * Worker threads then load their bundled scripts beside it, and the
 * scenario cache knows which code made an entry by the file's hash.
 */
export function bundleFile(): string | undefined {
  return typeof CHIPSIM_BUNDLE_URL === "string" ? fileURLToPath(CHIPSIM_BUNDLE_URL) : undefined;
}
