import { QUARTERS_PER_YEAR, type MonteCarloAggregate } from "@chipsim/core";

/**
 * The line `--check-invariants` ends with: how many quarters the threads
 * (or shards) actually checked, against how many the runs have. They differ
 * only when some runs come from a checkpoint or shard made without the check.
 */
export function invariantsLine(aggregate: MonteCarloAggregate): string {
  // The horizon is a whole year, so a run has years x 4 quarters.
  const quarters = aggregate.years * QUARTERS_PER_YEAR;
  const all = aggregate.runs * quarters;
  const checked = aggregate.quartersChecked;
  const n = (x: number) => x.toLocaleString("en-US");
  return `invariants held in all ${n(checked)} quarters checked, of ${n(all)} (${n(aggregate.runs)} runs x ${quarters} quarters)\n`;
}
