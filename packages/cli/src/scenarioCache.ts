import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { reviveScenario, transferableScenario, type ResolvedScenario, type TransferableScenario } from "@chipsim/core";
import type { FileReadObserver } from "@chipsim/scenarios";
import { bundleFile } from "./bundled.js";

/**
 * A cache of resolved scenarios. Reading a scenario (YAML, schema
 * validation, units) takes about a quarter of a second, most of a short
 * command's start; the resolved form, the same structured clone worker
 * threads receive, reads back in about a millisecond.
 *
 * An entry is found by what could change the result besides the files: the
 * code that resolved it (a hash of the running bundle), the working folder
 * (paths are shown relative to it), the scenario named and the --set flags.
 * It lists every file read to make it (scenario chain and bibliography) with
 * a hash of its bytes, and is used only if every one of them still has those
 * bytes. Anything else (no entry, a changed or missing file, an unreadable
 * or damaged entry) resolves the scenario as if there were no cache, and a
 * cache that cannot be written is no cache: it never changes a result or
 * fails a command.
 *
 * A hit's `locate` resolves the scenario from its files on first use, so
 * errors and `explain` name the same lines they would without the cache.
 */
export class ScenarioCache {
  /** Entries beyond this many are removed, least recently used first. */
  static readonly MAX_ENTRIES = 64;

  constructor(
    readonly dir: string,
    /** Identifies the code that resolves scenarios: entries of other code are never read. */
    private readonly codeIdentity: string,
    private readonly maxEntries: number = ScenarioCache.MAX_ENTRIES,
  ) {}

  /**
   * The scenario from the cache if an entry for this request is still
   * valid; otherwise from `resolveFresh`, which must report every file it
   * reads to the observer it is given, and the result is stored.
   */
  resolve(request: CacheRequest, resolveFresh: (onRead?: FileReadObserver) => ResolvedScenario): ResolvedScenario {
    const key = this.keyOf(request);
    const file = join(this.dir, `${key}.v8`);
    const cached = this.read(file, key);
    if (cached) {
      let fresh: ResolvedScenario | undefined;
      return reviveScenario(cached, (path) => (fresh ??= resolveFresh()).locate(path));
    }
    const files: FileHash[] = [];
    const scenario = resolveFresh((path, text) => files.push({ path, sha256: sha256(text) }));
    this.write(file, { key, files, scenario: transferableScenario(scenario) });
    return scenario;
  }

  private keyOf(request: CacheRequest): string {
    return sha256(JSON.stringify([ENTRY_FORMAT, this.codeIdentity, request.cwd, request.ref, request.sets]));
  }

  private read(file: string, key: string): TransferableScenario | undefined {
    let entry: CacheEntry;
    try {
      entry = deserialize(readFileSync(file)) as CacheEntry;
    } catch {
      return undefined;
    }
    if (entry?.key !== key || !Array.isArray(entry.files) || entry.files.length === 0) return undefined;
    for (const { path, sha256: expected } of entry.files) {
      try {
        if (sha256(readFileSync(path, "utf8")) !== expected) return undefined;
      } catch {
        return undefined;
      }
    }
    try {
      // Most recently used, for pruning.
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // A read-only cache still serves.
    }
    return entry.scenario;
  }

  private write(file: string, entry: CacheEntry): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      // Written whole, then renamed: another process never reads half an entry.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, serialize(entry));
      renameSync(partial, file);
      this.prune();
    } catch {
      // No cache this time.
    }
  }

  /** Removes abandoned partial entries and the entries used least recently beyond maxEntries; never a file that is not the cache's. */
  private prune(): void {
    const { entries, partials } = cacheFiles(this.dir);
    // A process killed while writing leaves its partial file; one an hour old is nobody's.
    for (const name of partials) {
      try {
        if (Date.now() - statSync(join(this.dir, name)).mtimeMs > ABANDONED_PARTIAL_MS) unlinkSync(join(this.dir, name));
      } catch {
        // Renamed or removed meanwhile.
      }
    }
    if (entries.length <= this.maxEntries) return;
    const byAge = entries
      .map((name) => {
        try {
          return { name, used: statSync(join(this.dir, name)).mtimeMs };
        } catch {
          return { name, used: -Infinity };
        }
      })
      .sort((a, b) => a.used - b.used || a.name.localeCompare(b.name));
    for (const { name } of byAge.slice(0, entries.length - this.maxEntries)) {
      try {
        unlinkSync(join(this.dir, name));
      } catch {
        // Another process removed it first.
      }
    }
  }
}

/** What names a scenario on the command line. */
export interface CacheRequest {
  readonly cwd: string;
  readonly ref: string;
  readonly sets: readonly string[];
}

interface FileHash {
  readonly path: string;
  readonly sha256: string;
}

interface CacheEntry {
  readonly key: string;
  readonly files: readonly FileHash[];
  readonly scenario: TransferableScenario;
}

/** A partial entry older than this was left by a process that died writing it. */
const ABANDONED_PARTIAL_MS = 60 * 60 * 1000;

/** An entry's file name: the hex SHA-256 of its key; a partial one adds the writer's process id. */
const ENTRY_NAME = /^[0-9a-f]{64}\.v8$/;
const PARTIAL_NAME = /^[0-9a-f]{64}\.v8\.\d+\.partial$/;

/** Changes whenever an entry's layout does. */
const ENTRY_FORMAT = 1;

function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The cache the command line uses, or none. CHIPSIM_CACHE_DIR names its
 * folder, or turns it off with "off"; otherwise it is chipsim/ in
 * XDG_CACHE_HOME, or in ~/.cache. Only the bundled command (`chipsim`,
 * `pnpm chipsim`, the container) caches: its code is one file whose hash
 * identifies it, which the modules tsc writes, each changed on its own,
 * lack.
 */
export function scenarioCacheFor(env: Readonly<Record<string, string | undefined>>, bundle: string | undefined = bundleFile()): ScenarioCache | undefined {
  return scenarioCacheStatus(env, bundle).cache;
}

/** Where the cache is and whether this command uses it, with the reason when it does not: what `chipsim cache` reports. */
export interface ScenarioCacheStatus {
  /** The folder, when one is configured (even if this command does not use it). */
  readonly dir?: string;
  /** The cache, when this command uses it. */
  readonly cache?: ScenarioCache;
  /** Why this command does not use it. */
  readonly off?: string;
}

export function scenarioCacheStatus(env: Readonly<Record<string, string | undefined>>, bundle: string | undefined = bundleFile()): ScenarioCacheStatus {
  const setting = env["CHIPSIM_CACHE_DIR"];
  if (setting === "off") return { off: "CHIPSIM_CACHE_DIR=off" };
  let dir = setting;
  if (dir === undefined || dir === "") {
    const base = env["XDG_CACHE_HOME"] || (safeHome() ?? "");
    if (base === "") return { off: "no home folder, XDG_CACHE_HOME or CHIPSIM_CACHE_DIR" };
    dir = join(base, env["XDG_CACHE_HOME"] ? "" : ".cache", "chipsim");
  }
  if (bundle === undefined) return { dir, off: "only the bundled command caches (this is the unbundled one)" };
  const identity = codeIdentity(bundle);
  if (identity === undefined) return { dir, off: `the bundle ${bundle} cannot be read` };
  return { dir, cache: new ScenarioCache(dir, identity) };
}

/** The entries in a cache folder and the bytes they and any partial entries take (none if it does not exist). */
export function cacheFolderContents(dir: string): CacheFolderTally {
  return tallyCacheFolder(dir, false);
}

/**
 * Removes every entry of a cache folder, and partial entries however young:
 * the cache's own files only, so a folder shared with other files keeps them.
 */
export function clearCacheFolder(dir: string): CacheFolderTally {
  return tallyCacheFolder(dir, true);
}

export interface CacheFolderTally {
  readonly entries: number;
  readonly bytes: number;
}

/** Counts the cache's own files in a folder, and their bytes, removing each when asked. */
function tallyCacheFolder(dir: string, remove: boolean): CacheFolderTally {
  const { entries, partials } = cacheFiles(dir);
  let counted = 0;
  let bytes = 0;
  for (const name of [...entries, ...partials]) {
    const file = join(dir, name);
    try {
      const size = statSync(file).size;
      if (remove) unlinkSync(file);
      bytes += size;
      if (ENTRY_NAME.test(name)) counted++;
    } catch {
      // Removed meanwhile.
    }
  }
  return { entries: counted, bytes };
}

/**
 * The cache's own files in a folder, by their names (none if the folder
 * cannot be read): what pruning, listing and clearing may touch, so that a
 * folder shared with other files keeps them.
 */
function cacheFiles(dir: string): { entries: string[]; partials: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    names = [];
  }
  return { entries: names.filter((name) => ENTRY_NAME.test(name)), partials: names.filter((name) => PARTIAL_NAME.test(name)) };
}

const identities = new Map<string, string | undefined>();

function codeIdentity(bundleFile: string): string | undefined {
  if (!identities.has(bundleFile)) {
    let identity: string | undefined;
    try {
      identity = sha256(readFileSync(bundleFile));
    } catch {
      identity = undefined;
    }
    identities.set(bundleFile, identity);
  }
  return identities.get(bundleFile);
}

function safeHome(): string | undefined {
  try {
    return homedir();
  } catch {
    return undefined;
  }
}
