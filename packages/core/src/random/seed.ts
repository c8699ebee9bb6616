import seedrandom from "seedrandom";
import { threefry2x32 } from "./threefry.js";

/**
 * How a user's seed becomes random numbers (the documented derivation):
 *
 * 1. The seed (a number or a string) is written as text and fed to
 *    seedrandom's ARC4 generator; its first two int32 outputs are the
 *    64-bit job key. This happens once per job.
 * 2. Run i's key is Threefry-2x32-20 of counter (i mod 2^32, floor(i / 2^32))
 *    under the job key. It depends only on (seed, i), never on which worker
 *    or shard runs i.
 * 3. Inside a run, the parameter with path P draws from stream
 *    fnv1a32(P): draw k is Threefry-2x32-20 of counter (stream, k) under the
 *    run key, and its two words make one double in (0, 1) (see streamRng.ts).
 *
 * So a parameter's value in a run depends on (seed, run, its path) alone:
 * adding a parameter reshuffles no other, and two scenarios run with the
 * same seed see the same random numbers wherever they share a parameter.
 */
export type JobKey = readonly [number, number];

export function jobKey(seed: number | string): JobKey {
  const generator = seedrandom(String(seed));
  return [generator.int32() >>> 0, generator.int32() >>> 0];
}

export function runKey(job: JobKey, runIndex: number, out: Uint32Array): void {
  // Words as int32 (threefry2x32 reads them mod 2^32 either way): a number of 2^31 or more passed to a call is boxed.
  threefry2x32(job[0] | 0, job[1] | 0, runIndex | 0, Math.floor(runIndex / 0x100000000) | 0, out);
}
