/**
 * Threefry-2x32 with 20 rounds (Salmon et al., "Parallel random numbers:
 * as easy as 1, 2, 3", SC11; the Random123 library). A counter-based
 * generator: the output is a keyed bijection of the counter, so any draw of
 * any stream is computed directly from (key, counter) with no state to
 * carry or advance. That is what lets run i, parameter p be drawn the same
 * way on any worker or shard.
 */
const ROTATIONS = [13, 15, 26, 6, 17, 29, 16, 24] as const;
const KEY_PARITY = 0x1bd11bda;

/** Writes the two 32-bit output words for key (k0, k1) and counter (c0, c1) into `out`. */
export function threefry2x32(k0: number, k1: number, c0: number, c1: number, out: Uint32Array): void {
  const ks0 = k0 >>> 0;
  const ks1 = k1 >>> 0;
  const ks2 = (KEY_PARITY ^ ks0 ^ ks1) >>> 0;
  let x0 = (c0 + ks0) >>> 0;
  let x1 = (c1 + ks1) >>> 0;
  for (let r = 0; r < 20; r++) {
    const rot = ROTATIONS[r & 7] as number;
    x0 = (x0 + x1) >>> 0;
    x1 = ((x1 << rot) | (x1 >>> (32 - rot))) >>> 0;
    x1 = (x1 ^ x0) >>> 0;
    if ((r & 3) === 3) {
      // Key injection s after every four rounds.
      const s = (r + 1) >>> 2;
      const a = s % 3;
      const b = (s + 1) % 3;
      x0 = (x0 + (a === 0 ? ks0 : a === 1 ? ks1 : ks2)) >>> 0;
      x1 = (x1 + (b === 0 ? ks0 : b === 1 ? ks1 : ks2) + s) >>> 0;
    }
  }
  out[0] = x0;
  out[1] = x1;
}
