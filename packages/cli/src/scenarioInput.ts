import { resolveScenario, type Override, type ResolvedScenario } from "@chipsim/core";
import { loadBibliography, loadScenarioChain } from "@chipsim/scenarios";
import { parseSetFlag } from "./setFlag.js";

/** A scenario named on the command line (built-in id or file), with its --set overrides applied. */
export function loadResolved(ref: string, sets: readonly string[] | undefined, cwd: string): ResolvedScenario {
  const overrides: Override[] = (sets ?? []).map(parseSetFlag);
  return resolveScenario({
    documents: loadScenarioChain(ref, cwd),
    overrides,
    bibliography: loadBibliography(cwd),
  });
}
