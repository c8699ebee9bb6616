import type { Location, ResolvedScenario } from "./resolvedScenario.js";

/**
 * A resolved scenario as it crosses to a worker thread by structured clone:
 * everything but `locate`, which is a function. Shared references survive
 * the clone, so the parameter table indexes the copy as it does the
 * original and the copy compiles to the same model.
 */
export type TransferableScenario = Omit<ResolvedScenario, "locate">;

export function transferableScenario(scenario: ResolvedScenario): TransferableScenario {
  const { meta, tree, params, bibliography } = scenario;
  return { meta, tree, params, bibliography };
}

/**
 * The scenario again, on the other side. Its `locate` names only the
 * scenario: the sending thread has already validated and compiled it, and
 * line numbers matter only for reporting bad input.
 */
export function restoreScenario(transferred: TransferableScenario): ResolvedScenario {
  const where: Location = { file: `${transferred.meta.id} (compiled in another thread)` };
  return { ...transferred, locate: () => where };
}
