/**
 * The one random-number interface of the engine. Every sampler and every
 * agent that needs randomness receives an Rng explicitly; nothing in core
 * reads Math.random or any global generator.
 */
export interface Rng {
  /** A uniform variate strictly inside (0, 1): never exactly 0 or 1, so inverse CDFs stay finite. */
  next(): number;
}
