import { issuesOfFilesAlone, resolveScenario, ScenarioError, type Override, type ResolvedScenario } from "@chipsim/core";
import { ExtendsError, loadBibliography, loadScenarioChain, type FileReadObserver } from "@chipsim/scenarios";
import type { ScenarioCache } from "./scenarioCache.js";
import { parseSetFlag } from "./setFlag.js";

/**
 * A scenario named on the command line (built-in id or file), with its
 * --set overrides applied and listed in its meta, so that every header and
 * summary.json say what was run; through `cache` when one is given (the
 * same scenario either way: scenarioCache.ts).
 */
export function loadResolved(ref: string, sets: readonly string[] | undefined, cwd: string, cache?: ScenarioCache): ResolvedScenario {
  const overrides: Override[] = (sets ?? []).map(parseSetFlag);
  const resolveFresh = (onRead?: FileReadObserver) => {
    const bibliography = loadBibliography(cwd, onRead);
    let documents;
    try {
      documents = loadScenarioChain(ref, cwd, onRead);
    } catch (error) {
      // With no parent to merge onto, each file read is still checked on its own.
      if (error instanceof ExtendsError) throw new ScenarioError(issuesOfFilesAlone(error.documents, bibliography, error.issues));
      throw error;
    }
    return resolveScenario({ documents, overrides, bibliography });
  };
  const resolved = cache ? cache.resolve({ cwd, ref, sets: sets ?? [] }, resolveFresh) : resolveFresh();
  return sets && sets.length > 0 ? { ...resolved, meta: { ...resolved.meta, overrides: sets.map(overrideText) } } : resolved;
}

/** A `--set` as headers show it: as typed, without the spaces around "=". */
export function overrideText(set: string): string {
  const eq = set.indexOf("=");
  return `${set.slice(0, eq).trim()}=${set.slice(eq + 1).trim()}`;
}
