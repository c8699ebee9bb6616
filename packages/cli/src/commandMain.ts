import { processIo } from "./io.js";
import { runCli } from "./program.js";

/**
 * The command line on this process's arguments, resolving to its exit
 * code: what bin.ts runs, and what the bundle's launcher calls (a
 * CommonJS bundle cannot hold bin.ts's top-level await; scripts/bundle.mjs).
 */
export function main(): Promise<number> {
  return runCli(process.argv.slice(2), processIo());
}
