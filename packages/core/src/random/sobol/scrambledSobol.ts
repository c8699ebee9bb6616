import type { JobKey } from "../seed.js";
import { threefry2x32 } from "../threefry.js";
import { BLOCK_RUNS } from "../../stats/binnedSeries.js";
import { OWEN_KEYS, owenKeys, owenScrambleInto } from "./owenScramble.js";
import { SOBOL_MAX_DIMENSIONS, sobolBits, sobolDirections } from "./sobolSequence.js";

/** Independent scrambles of the Sobol points in a job: their spread gives the standard errors. */
export const SCRAMBLES = 8;
/**
 * Runs in a row that take consecutive points of one scramble: the
 * statistics' block, so that each block's sums belong to one scramble
 * (stats/scrambleMeans.ts) and slices of a job split no scramble's block.
 */
export const SCRAMBLE_BLOCK_RUNS = BLOCK_RUNS;
/** Counter words of the scramble seeds: far from draw 0 of a parameter's stream, which a random run reads. */
const SCRAMBLE_COUNTER = 0x5c000000;

/** Which scramble run i belongs to: blocks of SCRAMBLE_BLOCK_RUNS runs take the scrambles in turn. */
export function scrambleOf(runIndex: number): number {
  return Math.floor(runIndex / SCRAMBLE_BLOCK_RUNS) % SCRAMBLES;
}

/**
 * Randomised quasi-Monte Carlo points for a job: Sobol points (Joe and
 * Kuo's direction numbers) under Owen's nested scramble, SCRAMBLES
 * independent scrambles of them. Runs go in blocks of 1,024, the blocks to
 * the scrambles in turn, and each scramble takes its points in order: run
 * i is point (floor(i / 8192) * 1024 + i mod 1024) of scramble
 * floor(i / 1024) mod 8, so 2^14 runs are eight scrambled (t, 11, s)-nets.
 * A run's point depends on (seed, run, dimension) alone: workers and
 * shards draw alike.
 *
 * Each uncertain parameter takes one dimension, in the order the plan
 * lists their paths, and its scrambles are seeded from its own random
 * stream (its path's), so two scenarios that list a parameter at the same
 * dimension give it the same values.
 */
export class ScrambledSobol {
  private readonly directions: Int32Array;
  /** Each scramble's keys (owenScramble.ts), OWEN_KEYS from [(scramble * dimensions + dimension) * OWEN_KEYS]. */
  private readonly keys: Int32Array;
  private readonly dimensions: number;

  constructor(job: JobKey, streamIds: Uint32Array) {
    const dimensions = streamIds.length;
    if (dimensions > SOBOL_MAX_DIMENSIONS) {
      throw new RangeError(`Sobol points: ${dimensions} uncertain parameters, more than the ${SOBOL_MAX_DIMENSIONS} dimensions of the bundled direction numbers`);
    }
    this.dimensions = dimensions;
    this.directions = directionsFor(dimensions);
    this.keys = new Int32Array(SCRAMBLES * dimensions * OWEN_KEYS);
    const words = new Uint32Array(2);
    for (let r = 0; r < SCRAMBLES; r++) {
      for (let d = 0; d < dimensions; d++) {
        threefry2x32(job[0] | 0, job[1] | 0, (streamIds[d] as number) | 0, (SCRAMBLE_COUNTER + r) | 0, words);
        owenKeys((words[0] as number) | 0, this.keys, (r * dimensions + d) * OWEN_KEYS);
      }
    }
  }

  /** Run `runIndex`'s coordinates into u[slots[d]], d = 0 .. dimensions - 1. */
  fill(runIndex: number, slots: Int32Array, u: Float64Array): void {
    const block = Math.floor(runIndex / SCRAMBLE_BLOCK_RUNS);
    const scramble = block % SCRAMBLES;
    const point = (Math.floor(block / SCRAMBLES) * SCRAMBLE_BLOCK_RUNS + (runIndex % SCRAMBLE_BLOCK_RUNS)) | 0;
    const keys = this.keys;
    const base = scramble * this.dimensions;
    for (let d = 0; d < this.dimensions; d++) {
      owenScrambleInto(sobolBits(this.directions, d, point), keys, (base + d) * OWEN_KEYS, u, slots[d] as number);
    }
  }
}

/** Direction numbers, built once per size in a process (a job builds a sampler per slice it runs). */
const built = new Map<number, Int32Array>();

function directionsFor(dimensions: number): Int32Array {
  let v = built.get(dimensions);
  if (!v) {
    v = sobolDirections(dimensions);
    built.set(dimensions, v);
  }
  return v;
}
