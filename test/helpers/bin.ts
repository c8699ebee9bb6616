import { fileURLToPath } from "node:url";

/**
 * The command users run (`chipsim`, `pnpm chipsim`, the container): the
 * bundle `pnpm build` writes. Tests that need a process of its own (signals,
 * exit codes, shards) start this, so they test what ships.
 */
export const CHIPSIM_BIN = fileURLToPath(new URL("../../packages/cli/dist/bundle/chipsim.js", import.meta.url));
