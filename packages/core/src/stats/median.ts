import { quantileSorted } from "./quantile.js";

/**
 * The median as every output reports it (R's type 7 at 0.5), of values in
 * any order; the values are copied, not sorted in place. Two equal middle
 * values give that value, infinite ones included.
 */
export function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n % 2 === 0 && n > 0 && sorted[n / 2 - 1] === sorted[n / 2]) return sorted[n / 2] as number;
  return quantileSorted(sorted, 0.5);
}
