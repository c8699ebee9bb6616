import { mix32 } from "../hash.js";

/**
 * Owen's nested uniform scramble (Owen 1995, 1997) of a 32-bit coordinate:
 * digit b (from the most significant) is flipped or not by a random bit
 * that depends on the scramble's seed, on b and on the b digits above it,
 * so points that share their first b digits are permuted alike in digit b
 * and a (t, m, s)-net stays a (t, m, s)-net. The random bits come from a
 * hash of (seed, b, prefix) rather than a stored tree (Burley, "Practical
 * hash-based Owen scrambling", 2020, takes the same route). The digits past
 * the 32nd, which a nested scramble makes independent and uniform, come
 * from a hash of the seed and the scrambled 32 bits.
 */

/** Keys of one scramble: one per digit, and one for the digits past the 32nd. */
export const OWEN_KEYS = 33;

const TWO_POW_20 = 1048576;
const TWO_POW_52 = 4503599627370496;

/**
 * The keys of the scramble with this seed (an int32) into
 * keys[offset .. offset + OWEN_KEYS): what depends on the seed and the
 * digit alone, made once per scramble rather than for every run.
 */
export function owenKeys(seed: number, keys: Int32Array, offset: number): void {
  for (let b = 0; b < 32; b++) keys[offset + b] = mix32((seed + Math.imul(b, 0x9e3779b9)) | 0);
  keys[offset + 32] = mix32(seed ^ 0x5bd1e995);
}

/**
 * The coordinate `bits` under the scramble whose keys start at
 * keys[offset], as a double strictly inside (0, 1), into out[at]: 32
 * scrambled digits, 20 more random ones and half a cell, as
 * toUnitInterval does for a pseudo-random draw. (Into an array, not
 * returned: a double returned from a call V8 does not inline is boxed, and
 * this runs for every uncertain input of every run.)
 */
export function owenScrambleInto(bits: number, keys: Int32Array, offset: number, out: Float64Array, at: number): void {
  let scrambled = 0;
  for (let b = 0; b < 32; b++) {
    // The b digits above digit b (none for b = 0: x >>> 1 has a zero top bit).
    const prefix = (bits >>> 1) >>> (31 - b);
    const flip = mix32(prefix ^ (keys[offset + b] as number)) >>> 31;
    scrambled |= (((bits >>> (31 - b)) & 1) ^ flip) << (31 - b);
  }
  const low = mix32(scrambled ^ (keys[offset + 32] as number)) >>> 12;
  out[at] = ((scrambled >>> 0) * TWO_POW_20 + low + 0.5) / TWO_POW_52;
}
