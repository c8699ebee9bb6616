/**
 * Threefry-2x32 with 20 rounds (Salmon et al., "Parallel random numbers:
 * as easy as 1, 2, 3", SC11; the Random123 library). A counter-based
 * generator: the output is a keyed bijection of the counter, so any draw of
 * any stream is computed directly from (key, counter) with no state to
 * carry or advance. That is what lets run i, parameter p be drawn the same
 * way on any worker or shard.
 *
 * Every run draws one number per parameter, so this is on the hot path: the
 * 20 rounds are written out (rotations 13 15 26 6 17 29 16 24, repeated, and
 * key injection s = 1..5 after every fourth round) and computed in int32
 * arithmetic, which wraps like the reference's uint32 and keeps V8 on small
 * integers. Typed-array stores turn the int32 result back into uint32.
 */
const KEY_PARITY = 0x1bd11bda;

/** Writes the two 32-bit output words for key (k0, k1) and counter (c0, c1) into `out`. */
export function threefry2x32(k0: number, k1: number, c0: number, c1: number, out: Uint32Array | Int32Array): void {
  const ks0 = k0 | 0;
  const ks1 = k1 | 0;
  const ks2 = KEY_PARITY ^ ks0 ^ ks1;
  let x0 = (c0 + ks0) | 0;
  let x1 = (c1 + ks1) | 0;
  // Rounds 1-4, injection 1
  x0 = (x0 + x1) | 0; x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 15) | (x1 >>> 17)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 26) | (x1 >>> 6)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 6) | (x1 >>> 26)) ^ x0;
  x0 = (x0 + ks1) | 0; x1 = (x1 + ks2 + 1) | 0;
  // Rounds 5-8, injection 2
  x0 = (x0 + x1) | 0; x1 = ((x1 << 17) | (x1 >>> 15)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 29) | (x1 >>> 3)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 16) | (x1 >>> 16)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 24) | (x1 >>> 8)) ^ x0;
  x0 = (x0 + ks2) | 0; x1 = (x1 + ks0 + 2) | 0;
  // Rounds 9-12, injection 3
  x0 = (x0 + x1) | 0; x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 15) | (x1 >>> 17)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 26) | (x1 >>> 6)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 6) | (x1 >>> 26)) ^ x0;
  x0 = (x0 + ks0) | 0; x1 = (x1 + ks1 + 3) | 0;
  // Rounds 13-16, injection 4
  x0 = (x0 + x1) | 0; x1 = ((x1 << 17) | (x1 >>> 15)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 29) | (x1 >>> 3)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 16) | (x1 >>> 16)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 24) | (x1 >>> 8)) ^ x0;
  x0 = (x0 + ks1) | 0; x1 = (x1 + ks2 + 4) | 0;
  // Rounds 17-20, injection 5
  x0 = (x0 + x1) | 0; x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 15) | (x1 >>> 17)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 26) | (x1 >>> 6)) ^ x0;
  x0 = (x0 + x1) | 0; x1 = ((x1 << 6) | (x1 >>> 26)) ^ x0;
  x0 = (x0 + ks2) | 0; x1 = (x1 + ks0 + 5) | 0;
  out[0] = x0;
  out[1] = x1;
}
