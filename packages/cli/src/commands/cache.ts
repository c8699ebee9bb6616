import type { CliIo } from "../io.js";
import { padTable } from "../output/format.js";
import { cacheFolderContents, clearCacheFolder, scenarioCacheStatus } from "../scenarioCache.js";

export type CacheAction = "info" | "clear";

/**
 * `chipsim cache [info|clear]`: where the resolved-scenario cache is,
 * whether this command uses it, what it holds; or empty it. Clearing never
 * changes a result, only the next command's start-up.
 */
export function cacheCommand(action: CacheAction, io: CliIo): number {
  const status = scenarioCacheStatus(io.env);
  const dir = status.dir;
  if (action === "clear") {
    if (dir === undefined) {
      io.stdout.write(`no cache to clear: ${status.off}\n`);
      return 0;
    }
    // Cleared even when this command would not use it (an unbundled build): the files are the same.
    const removed = clearCacheFolder(dir);
    io.stdout.write(`removed ${removed.entries} ${removed.entries === 1 ? "entry" : "entries"} (${mebibytes(removed.bytes)}) from ${dir}\n`);
    return 0;
  }
  const rows = [
    ["folder", dir ?? "none"],
    ["used", status.cache ? "yes" : `no: ${status.off}`],
  ];
  if (dir !== undefined) {
    const contents = cacheFolderContents(dir);
    rows.push(["entries", `${contents.entries} (${mebibytes(contents.bytes)})`]);
  }
  io.stdout.write(`${padTable(rows, () => false)}\n`);
  return 0;
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(2)} MiB`;
}
