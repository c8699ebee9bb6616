/**
 * Installed compute (or power draw) that retires after a service life of
 * L quarters (CALIBRATION.md R9): what was installed before 2024 retires
 * evenly over the first L quarters (an even spread of ages), and each
 * quarter's additions retire L quarters later. Kept as a ring of the last
 * L additions and a running sum, so a quarter costs O(1).
 *
 * Amounts come in and go out through arrays, and the state is an array,
 * not fields: the market's clearing is large enough that V8 does not always
 * inline this call, and a number passed to or returned from a call that is
 * not inlined is boxed on the heap, every quarter of every run.
 */
export class InstalledBase {
  private readonly ring: Float64Array;
  /** [0] the fleet installed before 2024, [1] the running sum of the last L additions, [2] L. */
  private readonly state = Float64Array.of(0, 0, 1);

  constructor(quarters: number) {
    this.ring = new Float64Array(quarters + 1);
  }

  reset(initial: number, lifeQuarters: number): void {
    this.ring.fill(0);
    const { state } = this;
    state[0] = initial;
    state[1] = 0;
    state[2] = Math.max(1, Math.round(lifeQuarters));
  }

  /** Adds quarter q's deployments, from[at], and writes the installed level at the end of quarter q to out[to]. */
  add(q: number, from: Float64Array, at: number, out: Float64Array, to: number): void {
    const { state, ring } = this;
    const added = from[at] as number;
    const life = state[2] as number;
    ring[q] = added;
    let recent = (state[1] as number) + added;
    const leaving = q - life;
    if (leaving >= 0) recent -= ring[leaving] as number;
    state[1] = recent;
    const share = 1 - (q + 1) / life;
    const legacy = (state[0] as number) * (share > 0 ? share : 0);
    // Running sums can drift a hair below zero after everything has retired.
    out[to] = legacy + (recent > 0 ? recent : 0);
  }
}
