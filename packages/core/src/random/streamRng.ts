import type { Rng } from "./rng.js";
import { threefry2x32 } from "./threefry.js";

const TWO_POW_52 = 4503599627370496;

/**
 * The random stream of one parameter within one run: draw k is
 * Threefry(run key, (stream id, k)). `reset` rewinds to draw 0 of another
 * stream; neither reset nor next allocates.
 */
export class StreamRng implements Rng {
  private readonly words = new Uint32Array(2);
  private key0 = 0;
  private key1 = 0;
  private stream = 0;
  private draw = 0;

  reset(runKey0: number, runKey1: number, streamId: number): void {
    this.key0 = runKey0 >>> 0;
    this.key1 = runKey1 >>> 0;
    this.stream = streamId >>> 0;
    this.draw = 0;
  }

  next(): number {
    threefry2x32(this.key0, this.key1, this.stream, this.draw, this.words);
    this.draw = (this.draw + 1) >>> 0;
    return toUnitInterval(this.words[0] as number, this.words[1] as number);
  }
}

/**
 * 52 random bits to a double strictly inside (0, 1): the midpoint of one of
 * 2^52 equal cells. (With 53 bits the top midpoint, 1 - 2^-54, would round
 * to exactly 1.)
 */
export function toUnitInterval(hi: number, lo: number): number {
  return ((hi >>> 6) * 67108864 + (lo >>> 6) + 0.5) / TWO_POW_52;
}
