import { QUARTERS_PER_YEAR, type MonteCarloAggregate } from "@chipsim/core";

/**
 * The line `--check-invariants` ends with: how many quarters the threads
 * (or shards) actually checked, against how many the runs have. They differ
 * only when some runs come from a checkpoint or shard made without the check.
 */
export function invariantsLine(aggregate: MonteCarloAggregate): string {
  // The horizon is a whole year, so a run has years x 4 quarters.
  return checkedLine(aggregate.quartersChecked, aggregate.runs, aggregate.years * QUARTERS_PER_YEAR);
}

/** The same line from the counts, with what was checked named first when there are several (compare's scenarios). */
export function checkedLine(checked: number, runs: number, quarters: number, what?: string): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const all = runs * quarters;
  return `${what ? `${what}: ` : ""}invariants held in all ${n(checked)} quarters checked, of ${n(all)} (${n(runs)} runs x ${quarters} quarters)\n`;
}
