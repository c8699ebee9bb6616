import { ChipsimError } from "../errors.js";
import type { InvariantId } from "./invariants.js";

/**
 * A run broke one of the model's invariants (a count below zero, more
 * accelerators than their dies allow, ...): a bug in the model, not in the
 * input. Says where (scenario, run, quarter, invariant) and how to replay
 * just that run, which draws the same parameters since run i's stream
 * depends only on the seed and i.
 */
export class InvariantError extends ChipsimError {
  constructor(
    readonly scenarioId: string,
    readonly seed: number | string,
    readonly runIndex: number,
    readonly quarter: string,
    readonly invariant: InvariantId,
    readonly detail: string,
  ) {
    super(
      "RUNTIME",
      `scenario ${scenarioId}, run ${runIndex}, ${quarter}: invariant ${invariant} broken: ${detail} ` +
        `(replay this run with: chipsim run ${scenarioId} --seed ${String(seed)} --replay ${runIndex}, and the same --set flags)`,
    );
    this.name = "InvariantError";
  }
}
