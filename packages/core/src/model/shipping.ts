import { ramp } from "./capacity/ramp.js";

/**
 * How much of quarter q a design ships in, weighted by its volume ramp:
 * the share of the quarter between launch and end of life, times the
 * linear ramp from launch to full volume averaged over that part of the
 * quarter (for a linear ramp the average is its value at the midpoint).
 */
export function shippingWeight(q: number, launch: number, endOfLife: number, rampTime: number): number {
  const from = Math.max(q, launch);
  const to = Math.min(q + 1, endOfLife);
  if (!(to > from)) return 0;
  return (to - from) * ramp((from + to) / 2, launch, rampTime);
}

/**
 * Every design's shipping weight over the quarter starting at
 * q + offset + lead[d], into out. Arrays in and out: the agents' steps are
 * large enough that V8 does not always inline a call from them, and a
 * number passed to or returned from a call that is not inlined is boxed on
 * the heap; in this small loop the call above is always inlined.
 */
export function shippingWeights(q: number, offset: number, lead: Float64Array, launch: Float64Array, endOfLife: Float64Array, rampTime: Float64Array, out: Float64Array): void {
  for (let d = 0; d < out.length; d++) {
    out[d] = shippingWeight(q + offset + (lead[d] as number), launch[d] as number, endOfLife[d] as number, rampTime[d] as number);
  }
}
