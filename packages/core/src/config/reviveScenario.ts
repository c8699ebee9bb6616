import { Param } from "../schema/param.js";
import type { Location, ResolvedScenario } from "./resolvedScenario.js";
import { restoreScenario, type TransferableScenario } from "./transferScenario.js";

/**
 * A cloned scenario made whole for every use, not only compiling: each
 * parameter becomes a Param again (the tree holds the same objects as
 * `params`, so fixing the list fixes the tree), so code that tells a
 * parameter from a plain value (`instanceof Param`: the manifest's content
 * hash, compare's diff, the attribution's hybrids) sees what it would in
 * the original; and `locate` answers as the original would.
 */
export function reviveScenario(transferred: TransferableScenario, locate: (path: string) => Location): ResolvedScenario {
  for (const param of transferred.params) {
    if (!(param instanceof Param)) Object.setPrototypeOf(param, Param.prototype);
  }
  return restoreScenario(transferred, locate);
}
