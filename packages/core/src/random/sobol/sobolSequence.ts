import { JOE_KUO_ROWS } from "./joeKuoDirections.js";

/** Dimensions the bundled direction numbers reach. */
export const SOBOL_MAX_DIMENSIONS = 1024;
/** Bits of each coordinate: points 0 ... 2^32 - 1 are distinct. */
const BITS = 32;

/**
 * Direction numbers of the first `dimensions` Sobol dimensions, as 32-bit
 * integers (int32 bits), [dimension * 32 + j]: V_j = m_j 2^(32 - j) for
 * j <= s, then Bratley and Fox's recurrence on the primitive polynomial.
 * Dimension 0 is the van der Corput sequence. Built once per job.
 */
export function sobolDirections(dimensions: number): Int32Array {
  if (!(Number.isInteger(dimensions) && dimensions >= 0 && dimensions <= SOBOL_MAX_DIMENSIONS)) {
    throw new RangeError(`Sobol points: expected 0 to ${SOBOL_MAX_DIMENSIONS} dimensions, found ${dimensions}`);
  }
  const v = new Int32Array(dimensions * BITS);
  for (let j = 0; j < BITS && dimensions > 0; j++) v[j] = (1 << (BITS - 1 - j)) | 0;
  const rows = JOE_KUO_ROWS.split("\n");
  for (let d = 1; d < dimensions; d++) {
    const fields = (rows[d - 1] as string).split(" ").map(Number);
    const s = fields[0] as number;
    const a = fields[1] as number;
    const base = d * BITS;
    for (let j = 0; j < s && j < BITS; j++) v[base + j] = ((fields[2 + j] as number) << (BITS - 1 - j)) | 0;
    for (let j = s; j < BITS; j++) {
      const back = v[base + j - s] as number;
      let x = back ^ (back >>> s);
      for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[base + j - k] as number;
      v[base + j] = x | 0;
    }
  }
  return v;
}

/**
 * Coordinate `dimension` of Sobol point `index` (0 <= index < 2^32) as
 * 32 bits (int32): the XOR of the direction numbers picked by the bits of
 * the index's Gray code, so that points come in the usual order (scipy's
 * and Joe and Kuo's) and any point can be had without the ones before it.
 * Divided by 2^32 it is the point in [0, 1).
 */
export function sobolBits(directions: Int32Array, dimension: number, index: number): number {
  let gray = (index ^ (index >>> 1)) >>> 0;
  let x = 0;
  for (let j = dimension * BITS; gray !== 0; j++, gray >>>= 1) if (gray & 1) x ^= directions[j] as number;
  return x | 0;
}
