import type { MonteCarloAggregate } from "@chipsim/core";

/** Quarters in a year of the model: the horizon is a whole year, so a run has years x 4 quarters. */
const QUARTERS_PER_YEAR = 4;

/**
 * The line `--check-invariants` ends with: how many quarters the threads
 * (or shards) actually checked, against how many the runs have. They differ
 * only when some runs come from a checkpoint or shard made without the check.
 */
export function invariantsLine(aggregate: MonteCarloAggregate): string {
  const quarters = aggregate.years * QUARTERS_PER_YEAR;
  const all = aggregate.runs * quarters;
  const checked = aggregate.quartersChecked;
  const n = (x: number) => x.toLocaleString("en-US");
  return `invariants held in all ${n(checked)} quarters checked, of ${n(all)} (${n(aggregate.runs)} runs x ${quarters} quarters)\n`;
}
