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
