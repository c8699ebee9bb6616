import { exp, log } from "../../math/fdlibm.js";
/**
 * Domestic EUV light-source power over time. The source grows
 * geometrically from the prototype's power (late 2025) so that it passes
 * the required power exactly at the ready date, keeps growing at that rate
 * afterwards, and levels off at the maximum. Tying growth to the ready date
 * keeps one uncertain input (when) in charge, as the sources frame it.
 */
export const PROTOTYPE_POSITION = 7; // 2025Q4

export function euvSourcePower(
  t: number,
  ready: number,
  prototype: number,
  required: number,
  max: number,
  /** euvSourceRate(ready, prototype, required), for callers that keep it per run. */
  rate = euvSourceRate(ready, prototype, required),
): number {
  if (prototype >= required) return Math.min(prototype, max);
  const power = required * exp(rate * (Math.max(t, PROTOTYPE_POSITION) - ready));
  return Math.min(power, max);
}

/** Growth of the source power per quarter (log scale); 0 when the prototype already has the required power. */
export function euvSourceRate(ready: number, prototype: number, required: number): number {
  if (prototype >= required) return 0;
  const span = Math.max(ready - PROTOTYPE_POSITION, 1);
  return log(required / prototype) / span;
}
