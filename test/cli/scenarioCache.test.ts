import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalContent, compileModel, Param, resolveScenario, runMonteCarlo, summarize, type ResolvedScenario } from "@chipsim/core";
import { loadBibliography, loadScenarioChain, type FileReadObserver } from "@chipsim/scenarios";
import { describe, expect, it } from "vitest";
import { NODE_FLAGS } from "../../packages/cli/src/nodeFlags.js";
import { ScenarioCache, scenarioCacheFor, type CacheRequest } from "../../packages/cli/src/scenarioCache.js";
import { parseSetFlag } from "../../packages/cli/src/setFlag.js";
import { CHIPSIM_BIN } from "../helpers/bin.js";
import { childScenario, tempDir } from "../helpers/tempScenarios.js";

/** The scenario read from its files, as loadResolved does, counting the reads. */
function reader(request: CacheRequest) {
  let reads = 0;
  const resolveFresh = (onRead?: FileReadObserver): ResolvedScenario => {
    reads++;
    return resolveScenario({
      documents: loadScenarioChain(request.ref, request.cwd, onRead),
      overrides: request.sets.map(parseSetFlag),
      bibliography: loadBibliography(request.cwd, onRead),
    });
  };
  return { resolveFresh, reads: () => reads };
}

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".v8")).sort() : []);
const parts = (s: ResolvedScenario) => ({ meta: s.meta, tree: s.tree, params: s.params, bibliography: s.bibliography });

describe("the resolved-scenario cache", () => {
  const cwd = process.cwd();
  const baseline: CacheRequest = { cwd, ref: "baseline", sets: [] };

  it("gives back, from its entry, the scenario its files give: same classes, same content hash, same results", () => {
    const dir = tempDir();
    const cache = new ScenarioCache(dir, "code A");
    const { resolveFresh, reads } = reader(baseline);
    const first = cache.resolve(baseline, resolveFresh);
    expect(reads()).toBe(1);
    expect(entries(dir)).toHaveLength(1);
    const hit = cache.resolve(baseline, resolveFresh);
    expect(reads()).toBe(1);
    const fresh = reader(baseline).resolveFresh();
    expect(hit).not.toBe(first);
    // toStrictEqual compares classes too: every parameter is a Param again, in the tree as in the list.
    expect(parts(hit)).toStrictEqual(parts(fresh));
    expect(hit.params.every((p) => p instanceof Param)).toBe(true);
    expect(canonicalContent(hit)).toBe(canonicalContent(fresh));
    const summaryOf = (s: ResolvedScenario) => {
      const model = compileModel(s);
      return summarize(model, runMonteCarlo(model, { runs: 64, seed: 7 }), 7);
    };
    expect(summaryOf(hit)).toStrictEqual(summaryOf(fresh));
  });

  it("reads the files again when one of them changed, and not when only its time did", () => {
    const dir = tempDir();
    const file = childScenario(dir, "mine.yaml", "");
    const request: CacheRequest = { cwd: dir, ref: file, sets: [] };
    const cache = new ScenarioCache(join(dir, "cache"), "code A");
    const { resolveFresh, reads } = reader(request);
    expect(cache.resolve(request, resolveFresh).meta.title).toBe("Test");
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(cache.resolve(request, resolveFresh).meta.title).toBe("Test");
    expect(reads()).toBe(1);
    writeFileSync(file, readFileSync(file, "utf8").replace("title: Test", "title: Changed"));
    expect(cache.resolve(request, resolveFresh).meta.title).toBe("Changed");
    expect(reads()).toBe(2);
    expect(cache.resolve(request, resolveFresh).meta.title).toBe("Changed");
    expect(reads()).toBe(2);
  });

  it("keeps apart what else could change the scenario: --set flags, the folder and the code", () => {
    const dir = tempDir();
    const set: CacheRequest = { ...baseline, sets: ["lithography.domesticEuv.readyYear=2032"] };
    const elsewhere: CacheRequest = { ...baseline, cwd: dir };
    const code = new ScenarioCache(dir, "code A");
    for (const request of [baseline, set, elsewhere]) code.resolve(request, reader(request).resolveFresh);
    expect(entries(dir)).toHaveLength(3);
    const withSet = reader(set);
    const value = code.resolve(set, withSet.resolveFresh).params.find((p) => p.path === "lithography.domesticEuv.readyYear");
    expect(withSet.reads()).toBe(0);
    expect(value?.dist).toEqual(reader(set).resolveFresh().params.find((p) => p.path === "lithography.domesticEuv.readyYear")?.dist);
    const otherCode = reader(baseline);
    new ScenarioCache(dir, "code B").resolve(baseline, otherCode.resolveFresh);
    expect(otherCode.reads()).toBe(1);
  });

  it("answers locate from the files, as a fresh read does", () => {
    const dir = tempDir();
    const cache = new ScenarioCache(dir, "code A");
    cache.resolve(baseline, reader(baseline).resolveFresh);
    const counted = reader(baseline);
    const hit = cache.resolve(baseline, counted.resolveFresh);
    const fresh = reader(baseline).resolveFresh();
    const path = "lithography.domesticEuv.readyYear";
    expect(hit.locate(path)).toEqual(fresh.locate(path));
    expect(hit.locate(path).line).toBeGreaterThan(0);
    expect(counted.reads()).toBe(1);
  });

  it("treats a damaged entry as none and writes a good one; a folder it cannot write is no cache", () => {
    const dir = tempDir();
    const cache = new ScenarioCache(dir, "code A");
    cache.resolve(baseline, reader(baseline).resolveFresh);
    const [entry] = entries(dir);
    writeFileSync(join(dir, entry as string), "not an entry");
    const damaged = reader(baseline);
    expect(canonicalContent(cache.resolve(baseline, damaged.resolveFresh))).toBe(canonicalContent(reader(baseline).resolveFresh()));
    expect(damaged.reads()).toBe(1);
    const repaired = reader(baseline);
    cache.resolve(baseline, repaired.resolveFresh);
    expect(repaired.reads()).toBe(0);

    const aFile = join(dir, "a-file");
    writeFileSync(aFile, "");
    const unwritable = new ScenarioCache(join(aFile, "cache"), "code A");
    const twice = reader(baseline);
    unwritable.resolve(baseline, twice.resolveFresh);
    unwritable.resolve(baseline, twice.resolveFresh);
    expect(twice.reads()).toBe(2);
  });

  it("keeps the entries used most recently when it holds too many", () => {
    const dir = tempDir();
    const cache = new ScenarioCache(dir, "code A", 2);
    const requests = [2030, 2031, 2032].map((year): CacheRequest => ({ ...baseline, sets: [`lithography.domesticEuv.readyYear=${year}`] }));
    const written: string[] = [];
    requests.forEach((request, k) => {
      const before = new Set(entries(dir));
      cache.resolve(request, reader(request).resolveFresh);
      const added = entries(dir).find((name) => !before.has(name));
      if (added) {
        written.push(added);
        // Whole seconds apart, whatever the file system's clock resolution.
        utimesSync(join(dir, added), 1_000_000 + k, 1_000_000 + k);
      }
    });
    // The third entry pushed out the oldest; the other two stay.
    expect(entries(dir)).toEqual([written[1], written[2]].sort());
    expect(statSync(join(dir, written[2] as string)).isFile()).toBe(true);
  });

  it("removes partial entries a killed process left an hour ago or more, and leaves a recent one and files not its own", () => {
    const dir = tempDir();
    const abandoned = join(dir, `${"0".repeat(64)}.v8.999.partial`);
    const recent = join(dir, `${"4".repeat(64)}.v8.998.partial`);
    // Old files of the same suffix that are not the cache's own stay too.
    const foreign = join(dir, "notes.v8.1.partial");
    for (const file of [abandoned, recent, foreign]) writeFileSync(file, "half");
    const twoHoursAgo = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
    utimesSync(foreign, twoHoursAgo, twoHoursAgo);
    new ScenarioCache(dir, "code A").resolve(baseline, reader(baseline).resolveFresh);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
  });

  it("is used by the bundled command only, in CHIPSIM_CACHE_DIR, XDG_CACHE_HOME or ~/.cache, and off when told", () => {
    const dir = tempDir();
    const bundle = join(dir, "chipsim.js");
    writeFileSync(bundle, "// a bundle");
    expect(scenarioCacheFor({ CHIPSIM_CACHE_DIR: join(dir, "c") }, undefined)).toBeUndefined();
    expect(scenarioCacheFor({ CHIPSIM_CACHE_DIR: "off" }, bundle)).toBeUndefined();
    expect(scenarioCacheFor({ CHIPSIM_CACHE_DIR: join(dir, "c") }, bundle)?.dir).toBe(join(dir, "c"));
    expect(scenarioCacheFor({ XDG_CACHE_HOME: join(dir, "xdg") }, bundle)?.dir).toBe(join(dir, "xdg", "chipsim"));
    expect(scenarioCacheFor({}, bundle)?.dir).toMatch(/[/\\]\.cache[/\\]chipsim$/);
    // Another bundle is other code: its entries are not this one's.
    const other = join(dir, "other.js");
    writeFileSync(other, "// another bundle");
    const request = { ...baseline };
    scenarioCacheFor({ CHIPSIM_CACHE_DIR: join(dir, "c") }, bundle)?.resolve(request, reader(request).resolveFresh);
    const fromOther = reader(request);
    scenarioCacheFor({ CHIPSIM_CACHE_DIR: join(dir, "c") }, other)?.resolve(request, fromOther.resolveFresh);
    expect(fromOther.reads()).toBe(1);
  });

  it("leaves what chipsim run writes unchanged, read through the cache or not", () => {
    const dir = tempDir();
    const cacheDir = join(dir, "cache");
    const run = (out: string, cache: string) => {
      const result = spawnSync(process.execPath, [...NODE_FLAGS, CHIPSIM_BIN, "run", "baseline", "--runs", "300", "--out", join(dir, out), "--quiet"], {
        encoding: "utf8",
        env: { ...process.env, CHIPSIM_CACHE_DIR: cache },
      });
      expect(result.status, result.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(dir, out, "manifest.json"), "utf8")) as Record<string, unknown>;
      return { summary: readFileSync(join(dir, out, "summary.json"), "utf8"), scenarioHash: manifest["scenarioHash"] };
    };
    const plain = run("plain", "off");
    expect(entries(cacheDir)).toEqual([]);
    const filled = run("filled", cacheDir);
    expect(entries(cacheDir)).toHaveLength(1);
    const hit = run("hit", cacheDir);
    expect(entries(cacheDir)).toHaveLength(1);
    expect(filled).toEqual(plain);
    expect(hit).toEqual(plain);
    expect(plain.scenarioHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("is shown and cleared by chipsim cache, which removes its own files only", () => {
    const dir = tempDir();
    const cacheDir = join(dir, "cache");
    const chipsim = (args: string[], cache: string) => {
      const result = spawnSync(process.execPath, [...NODE_FLAGS, CHIPSIM_BIN, ...args], { encoding: "utf8", env: { ...process.env, CHIPSIM_CACHE_DIR: cache } });
      expect(result.status, result.stderr).toBe(0);
      return result.stdout;
    };
    expect(chipsim(["cache"], cacheDir)).toMatch(new RegExp(`folder +${cacheDir}\\nused +yes\\nentries +0 \\(0\\.00 MiB\\)`));
    chipsim(["run", "baseline", "--runs", "100", "--out", join(dir, "a"), "--quiet"], cacheDir);
    chipsim(["run", "baseline", "--runs", "100", "--set", "lithography.domesticEuv.readyYear=2028", "--out", join(dir, "b"), "--quiet"], cacheDir);
    expect(entries(cacheDir)).toHaveLength(2);
    const bytes = entries(cacheDir).reduce((total, name) => total + statSync(join(cacheDir, name)).size, 0);
    expect(chipsim(["cache", "info"], cacheDir)).toContain(`entries  2 (${(bytes / 1048576).toFixed(2)} MiB)`);
    // A partial entry a writer left, and a file that is not the cache's.
    writeFileSync(join(cacheDir, `${"a".repeat(64)}.v8.123.partial`), "half");
    writeFileSync(join(cacheDir, "notes.txt"), "mine");
    expect(chipsim(["cache", "clear"], cacheDir)).toBe(`removed 2 entries (${((bytes + 4) / 1048576).toFixed(2)} MiB) from ${cacheDir}\n`);
    expect(readdirSync(cacheDir)).toEqual(["notes.txt"]);
    expect(chipsim(["cache"], "off")).toMatch(/folder +none\nused +no: CHIPSIM_CACHE_DIR=off\n$/);
    expect(chipsim(["cache", "clear"], "off")).toBe("no cache to clear: CHIPSIM_CACHE_DIR=off\n");
    const bad = spawnSync(process.execPath, [...NODE_FLAGS, CHIPSIM_BIN, "cache", "empty"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/action, Given: "empty", Choices: "info", "clear"/);
  });
});
