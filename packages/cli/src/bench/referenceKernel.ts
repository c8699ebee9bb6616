import { jobKey, quantilesBySelection, runKey } from "@chipsim/core";
import { seedSfc32 } from "./sfc32.js";
import { zigguratNormal } from "./ziggurat.js";

/**
 * A yardstick for the engine's speed: the smallest Monte Carlo kernel of
 * the same kind. 30 agents over 12 years, 5 normal draws per agent-year
 * (sfc32 and a ziggurat), 5 outputs per year, and exact P5, P50 and P95
 * of each output-year over the runs. A kernel of this shape has been
 * timed at 10^6 runs in 9.7 s on two workers of a 2-core machine, within
 * 1.3x of its variate floor.
 *
 * `pnpm bench` times it in the same process as the baseline, round after
 * round: load then moves both alike, so the kernel says how fast the
 * machine is that day, and the ratio per agent-step says how far the
 * engine is behind a kernel that does little but draw. Its arithmetic is
 * ours (only the shape is given): each agent grows a capacity, drifts an
 * efficiency, and sells what it makes against a demand, all driven by its
 * five draws.
 */
export const KERNEL_AGENTS = 30;
export const KERNEL_YEARS = 12;
export const KERNEL_DRAWS_PER_AGENT_YEAR = 5;
export const KERNEL_OUTPUTS = 5;
export const KERNEL_SERIES = KERNEL_OUTPUTS * KERNEL_YEARS;
/** Agent-steps per run: what "per agent-step" divides by. */
export const KERNEL_AGENT_STEPS = KERNEL_AGENTS * KERNEL_YEARS;
export const KERNEL_QUANTILES = [0.05, 0.5, 0.95] as const;

/**
 * One agent's year, given its five draws: updates its capacity and
 * efficiency and adds to the year's totals (capacity, output, sales,
 * revenue, agents short of demand).
 */
export function agentYear(capacity: Float64Array, efficiency: Float64Array, a: number, z1: number, z2: number, z3: number, z4: number, z5: number, totals: Float64Array): void {
  const grown = Math.max(0, (capacity[a] as number) * (1.05 + 0.02 * z1));
  const drifted = clampUnit((efficiency[a] as number) + 0.01 * z2);
  capacity[a] = grown;
  efficiency[a] = drifted;
  const made = grown * drifted * clampUnit(0.8 + 0.05 * z3);
  const demand = Math.max(0, grown * (1 + 0.1 * z5));
  const sold = Math.min(made, demand);
  totals[0] = (totals[0] as number) + grown;
  totals[1] = (totals[1] as number) + made;
  totals[2] = (totals[2] as number) + sold;
  totals[3] = (totals[3] as number) + sold * (1 + 0.1 * z4);
  totals[4] = (totals[4] as number) + (made < demand ? 1 : 0);
}

function clampUnit(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Each agent's state at the start of a run: capacities 1 to about 2, efficiency 0.7. */
function resetAgents(capacity: Float64Array, efficiency: Float64Array): void {
  for (let a = 0; a < KERNEL_AGENTS; a++) {
    capacity[a] = 1 + a / KERNEL_AGENTS;
    efficiency[a] = 0.7;
  }
}

/** The generator of run `run`: sfc32 seeded from the run's key, so a run's draws depend on (seed, run) alone, as the engine's do. */
function seedRun(state: Int32Array, key: ReturnType<typeof jobKey>, run: number, words: Uint32Array): void {
  runKey(key, run, words);
  seedSfc32(state, words[0] as number, words[1] as number, run);
}

/**
 * Runs the kernel: `runs` trajectories, every output-year stored
 * (series-major), then P5, P50 and P95 of each by selection. Returns them
 * as quantiles[series * 3 + q], series = output * KERNEL_YEARS + year.
 */
export function runReferenceKernel(runs: number, seed: number): Float64Array {
  const key = jobKey(seed);
  const words = new Uint32Array(2);
  const state = new Int32Array(4);
  const capacity = new Float64Array(KERNEL_AGENTS);
  const efficiency = new Float64Array(KERNEL_AGENTS);
  const totals = new Float64Array(KERNEL_OUTPUTS);
  const values = new Float64Array(KERNEL_SERIES * runs);
  for (let run = 0; run < runs; run++) {
    seedRun(state, key, run, words);
    resetAgents(capacity, efficiency);
    for (let y = 0; y < KERNEL_YEARS; y++) {
      totals.fill(0);
      for (let a = 0; a < KERNEL_AGENTS; a++) {
        agentYear(capacity, efficiency, a, zigguratNormal(state), zigguratNormal(state), zigguratNormal(state), zigguratNormal(state), zigguratNormal(state), totals);
      }
      for (let o = 0; o < KERNEL_OUTPUTS; o++) values[(o * KERNEL_YEARS + y) * runs + run] = totals[o] as number;
    }
  }
  return exactQuantiles(values, runs);
}

/** Type-7 P5, P50 and P95 of each stored series. */
function exactQuantiles(values: Float64Array, runs: number): Float64Array {
  const probabilities = [...KERNEL_QUANTILES];
  const scratch = new Float64Array(runs);
  const quantiles = new Float64Array(KERNEL_SERIES * probabilities.length);
  for (let s = 0; s < KERNEL_SERIES; s++) {
    quantilesBySelection(values.subarray(s * runs, (s + 1) * runs), probabilities, quantiles.subarray(s * probabilities.length), scratch);
  }
  return quantiles;
}

/** The kernel's variate floor: the same seeding and the same 1,800 normal draws a run, with no model. Returns their sum, which keeps them from being optimised away. */
export function referenceKernelDraws(runs: number, seed: number): number {
  const key = jobKey(seed);
  const words = new Uint32Array(2);
  const state = new Int32Array(4);
  const drawsPerRun = KERNEL_AGENT_STEPS * KERNEL_DRAWS_PER_AGENT_YEAR;
  let sum = 0;
  for (let run = 0; run < runs; run++) {
    seedRun(state, key, run, words);
    for (let k = 0; k < drawsPerRun; k++) sum += zigguratNormal(state);
  }
  return sum;
}
