/**
 * sfc32, Chris Doty-Humphrey's Small Fast Chaotic generator (PractRand):
 * four 32-bit words of state, additions, shifts and a rotation per draw.
 * The fast generator the reference kernel draws from; the engine itself
 * draws every run's parameters from Threefry instead (random/threefry.ts),
 * whose draws can be addressed by (run, stream) without stepping.
 *
 * State lives in an Int32Array so that a draw allocates nothing.
 */

/** Seeds `state` with (a, b, c) and counter 1, then discards the first 12 outputs, as PractRand's reference seeding does. */
export function seedSfc32(state: Int32Array, a: number, b: number, c: number): void {
  state[0] = a | 0;
  state[1] = b | 0;
  state[2] = c | 0;
  state[3] = 1;
  for (let i = 0; i < 12; i++) nextSfc32(state);
}

/** The next output as a signed 32-bit integer (`>>> 0` gives the unsigned one). */
export function nextSfc32(state: Int32Array): number {
  const a = state[0] as number;
  const b = state[1] as number;
  const c = state[2] as number;
  const counter = state[3] as number;
  const t = (a + b + counter) | 0;
  state[3] = (counter + 1) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t;
}

/** A uniform variate strictly inside (0, 1) from one output: the midpoint of one of 2^32 cells. */
export function uniformSfc32(state: Int32Array): number {
  return ((nextSfc32(state) >>> 0) + 0.5) * 2.3283064365386963e-10;
}
