import type { Location, ResolvedScenario } from "./resolvedScenario.js";

/**
 * A resolved scenario as it crosses to a worker thread, or to a cache
 * file, by structured clone: everything but `locate`, which is a function.
 * Shared references survive the clone, so the parameter table indexes the
 * copy as it does the original and the copy compiles to the same model.
 */
export type TransferableScenario = Omit<ResolvedScenario, "locate">;

export function transferableScenario(scenario: ResolvedScenario): TransferableScenario {
  const { meta, tree, params, bibliography } = scenario;
  return { meta, tree, params, bibliography };
}

/**
 * The scenario again, on the other side. Without `locate`, locations name
 * only the scenario: the sending thread has already validated and compiled
 * it, and line numbers matter only for reporting bad input.
 *
 * The parameters are plain objects here (a clone keeps fields, not
 * classes), which is all compiling needs; reviveScenario (not part of the
 * engine entry, since Param brings zod and mathjs) makes them Params again.
 */
export function restoreScenario(transferred: TransferableScenario, locate?: (path: string) => Location): ResolvedScenario {
  const where: Location = { file: `${transferred.meta.id} (compiled in another thread)` };
  return { ...transferred, locate: locate ?? (() => where) };
}
