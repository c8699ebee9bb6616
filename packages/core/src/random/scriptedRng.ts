import type { Rng } from "./rng.js";

/** An Rng that returns the given values in order, for tests of threshold logic. */
export class ScriptedRng implements Rng {
  private index = 0;
  constructor(private readonly values: readonly number[]) {}

  next(): number {
    const v = this.values[this.index++];
    if (v === undefined) throw new Error(`scripted rng exhausted after ${this.values.length} draws`);
    return v;
  }
}
