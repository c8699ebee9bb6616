import { ChipsimError } from "../errors.js";
import type { InvariantId } from "./invariants.js";
import type { RunNaming } from "./runNaming.js";

/**
 * A run broke one of the model's invariants (a count below zero, more
 * accelerators than their dies allow, ...): a bug in the model, not in the
 * input. Says where (scenario, run, quarter, invariant) and how to
 * reproduce just that run.
 */
export class InvariantError extends ChipsimError {
  readonly scenarioId: string;

  constructor(
    naming: RunNaming,
    readonly runIndex: number,
    readonly quarter: string,
    readonly invariant: InvariantId,
    readonly detail: string,
  ) {
    super("RUNTIME", `scenario ${naming.scenarioId}, ${naming.run(runIndex)}, ${quarter}: invariant ${invariant} broken: ${detail} (${naming.reproduce(runIndex)})`);
    this.name = "InvariantError";
    this.scenarioId = naming.scenarioId;
  }
}
