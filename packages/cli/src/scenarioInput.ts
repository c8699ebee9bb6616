import { issuesOfFilesAlone, resolveScenario, ScenarioError, type Override, type ResolvedScenario } from "@chipsim/core";
import { ExtendsError, loadBibliography, loadScenarioChain, type FileReadObserver } from "@chipsim/scenarios";
import type { ScenarioCache } from "./scenarioCache.js";
import { parseSetFlag } from "./setFlag.js";

/**
 * A scenario named on the command line (built-in id or file), with its
 * --set overrides applied; through `cache` when one is given (the same
 * scenario either way: scenarioCache.ts).
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
  return cache ? cache.resolve({ cwd, ref, sets: sets ?? [] }, resolveFresh) : resolveFresh();
}
