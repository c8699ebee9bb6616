/**
 * The exponent b of time = a x^b, fitted by least squares on logarithms:
 * 1 means time grows in proportion to x (runs, or quarters of horizon).
 */
export function fitExponent(points: readonly { readonly x: number; readonly seconds: number }[]): number {
  if (points.length < 2) throw new Error("an exponent needs two points at least");
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.seconds));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, k) => {
    sxy += (x - mx) * ((ys[k] as number) - my);
    sxx += (x - mx) * (x - mx);
  });
  return sxy / sxx;
}

/** The median of a few timings: repeated measurements on a shared machine, outliers and all. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
