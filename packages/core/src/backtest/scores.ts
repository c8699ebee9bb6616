/**
 * Scores of a model distribution (its runs) against a reported figure.
 */

/**
 * Continuous ranked probability score of the sample against the point y:
 * CRPS = E|X - y| - E|X - X'| / 2 (Gneiting and Raftery 2007), computed
 * exactly from the sorted sample: sum_{i<j} (x_j - x_i) = sum_i x_i (2i - n + 1).
 * In the units of the metric; 0 is a perfect point forecast.
 */
export function crps(sorted: Float64Array, y: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error("CRPS of an empty sample");
  let absToY = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    absToY += Math.abs(x - y);
    spread += x * (2 * i - n + 1);
  }
  return absToY / n - spread / (n * n);
}

/** Share of the runs inside [lo, hi] (inclusive). */
export function massInside(sorted: Float64Array, lo: number, hi: number): number {
  let inside = 0;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] as number;
    if (x >= lo && x <= hi) inside += 1;
  }
  return sorted.length > 0 ? inside / sorted.length : 0;
}
