/**
 * Subsidy money spent at a (possibly fractional, possibly negative)
 * position in the funding history, interpolating between quarters: capacity
 * ordered `lag` quarters ago is paid from what was spent then.
 */
export function fundingAt(history: Float64Array, position: number): number {
  if (position < 0) return 0;
  const q = Math.floor(position);
  const frac = position - q;
  const a = q < history.length ? (history[q] as number) : 0;
  const b = q + 1 < history.length ? (history[q + 1] as number) : 0;
  return a * (1 - frac) + b * frac;
}
