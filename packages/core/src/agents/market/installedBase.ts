/**
 * Installed compute (or power draw) that retires after a service life of
 * L quarters (CALIBRATION.md R9): what was installed before 2024 retires
 * evenly over the first L quarters (an even spread of ages), and each
 * quarter's additions retire L quarters later. Kept as a ring of the last
 * L additions and a running sum, so a quarter costs O(1).
 */
export class InstalledBase {
  private readonly ring: Float64Array;
  private life = 1;
  private initial = 0;
  private recent = 0;

  constructor(quarters: number) {
    this.ring = new Float64Array(quarters + 1);
  }

  reset(initial: number, lifeQuarters: number): void {
    this.ring.fill(0);
    this.initial = initial;
    this.recent = 0;
    this.life = Math.max(1, Math.round(lifeQuarters));
  }

  /** Adds quarter q's deployments and returns the installed level at the end of quarter q. */
  add(q: number, added: number): number {
    this.ring[q] = added;
    this.recent += added;
    const leaving = q - this.life;
    if (leaving >= 0) this.recent -= this.ring[leaving] as number;
    const legacy = this.initial * Math.max(0, 1 - (q + 1) / this.life);
    // Running sums can drift a hair below zero after everything has retired.
    return legacy + (this.recent > 0 ? this.recent : 0);
  }
}
