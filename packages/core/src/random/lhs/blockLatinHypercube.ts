import { mix32 } from "../hash.js";
import type { JobKey } from "../seed.js";
import { threefry2x32 } from "../threefry.js";
import { SCRAMBLE_BLOCK_RUNS } from "../sobol/scrambledSobol.js";

/** Counter word of each dimension's key: apart from a parameter's draw 0 and from the Sobol scrambles'. */
const LHS_COUNTER = 0x1a000000;
/** Strata per block: SCRAMBLE_BLOCK_RUNS = 2^10, permuted as two 5-bit halves. */
const HALF_BITS = 5;
const HALF_MASK = (1 << HALF_BITS) - 1;
const ROUNDS = 4;
const TWO_POW_32 = 4294967296;

/**
 * Latin hypercube points in blocks: every block of 1,024 runs (the
 * statistics' block) is a Latin hypercube of its own, each dimension's
 * [0, 1) cut into 1,024 strata and run k of the block placed in stratum
 * pi(k) of a random permutation pi of that block and dimension, at a
 * uniform point inside it (McKay, Beckman and Conover 1979). Blocks are
 * independent, so the spread of block means gives standard errors as the
 * Sobol scrambles' does (the same blocks go to the same 8 groups).
 *
 * A run's point depends on (seed, run, dimension) alone: the permutation is
 * a keyed 4-round Feistel network on the run's 10-bit place in its block
 * (a bijection of 0 .. 1023, computed for the one run without the others),
 * the jitter a hash, both keyed by the dimension's stream, the job key and
 * the block. So workers and shards draw alike, and a job need not know its
 * size in advance.
 */
export class BlockLatinHypercube {
  /** Each dimension's key (int32), from the job key and the dimension's stream. */
  private readonly keys: Int32Array;

  constructor(job: JobKey, streamIds: Uint32Array) {
    this.keys = new Int32Array(streamIds.length);
    const words = new Uint32Array(2);
    for (let d = 0; d < streamIds.length; d++) {
      threefry2x32(job[0] | 0, job[1] | 0, (streamIds[d] as number) | 0, LHS_COUNTER, words);
      this.keys[d] = (words[0] as number) | 0;
    }
  }

  /** Run `runIndex`'s coordinates into u[slots[d]]. */
  fill(runIndex: number, slots: Int32Array, u: Float64Array): void {
    const block = Math.floor(runIndex / SCRAMBLE_BLOCK_RUNS) | 0;
    const place = runIndex % SCRAMBLE_BLOCK_RUNS | 0;
    const keys = this.keys;
    const blockKey = mix32(block);
    const placeKey = mix32(place + 0x632be5ab);
    for (let d = 0; d < keys.length; d++) {
      const key = mix32((keys[d] as number) ^ blockKey);
      // Feistel rounds on (left, right) halves of the place: a permutation of 0 .. 1023 for each key.
      let left = place >>> HALF_BITS;
      let right = place & HALF_MASK;
      for (let r = 0; r < ROUNDS; r++) {
        const next = left ^ (mix32(key + Math.imul(r, 0x9e3779b9) + right) & HALF_MASK);
        left = right;
        right = next;
      }
      const stratum = (left << HALF_BITS) | right;
      const jitter = (mix32(key ^ placeKey) >>> 0) + 0.5;
      u[slots[d] as number] = (stratum + jitter / TWO_POW_32) / SCRAMBLE_BLOCK_RUNS;
    }
  }
}
