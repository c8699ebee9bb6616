import { type7Position } from "./quantile.js";

/**
 * Order statistics by selection: after selectRank(a, lo, hi, k) the k-th
 * smallest of a[lo..hi] sits at a[k], everything before it in the range is
 * no larger and everything after no smaller. Expected linear time (Hoare's
 * partition around a median of three, which also keeps runs of equal values
 * balanced), where a sort costs n log n: the quantiles of a thousand series
 * of ten thousand runs each take a fraction of the time.
 *
 * The pivot choice depends only on the values, so the same array always
 * gives the same positions; and since an order statistic is a value, not a
 * position, any correct selection returns the same numbers a sort would.
 */
export function selectRank(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < (a[lo] as number)) swap(a, lo, mid);
    if ((a[hi] as number) < (a[lo] as number)) swap(a, lo, hi);
    if ((a[hi] as number) < (a[mid] as number)) swap(a, mid, hi);
    const pivot = a[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Now a[lo..j] <= pivot <= a[i..hi], and anything between equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Buckets of the first pass of orderStatistics: enough that the buckets holding the ranks are small. */
const BUCKETS = 2048;
const bucketCounts = new Float64Array(BUCKETS + 1);
const bucketStarts = new Float64Array(BUCKETS + 1);
const bucketFill = new Float64Array(BUCKETS + 1);

/**
 * Writes into out[r] the order statistic of rank ranks[r] (0-based) of
 * `values`, which must hold no NaN. `ranks` must be ascending; `scratch`
 * (at least values.length long) is overwritten and `values` left as it was.
 *
 * Two passes find where the ranks lie: the values are counted into equal
 * buckets between their least and greatest (bucket of x: floor((x - min) *
 * scale), which never decreases as x grows, so buckets are in order), and
 * the values of the buckets holding a rank, a small share of the whole, are
 * gathered into `scratch`, where selection finishes the job. Several
 * quantiles of ten thousand values cost a few passes, where a sort costs
 * about fourteen.
 */
export function orderStatistics(values: Float64Array, ranks: ArrayLike<number>, out: Float64Array, scratch: Float64Array): void {
  const n = values.length;
  for (let r = 0; r < ranks.length; r++) {
    const k = ranks[r] as number;
    if (!(Number.isInteger(k) && k >= 0 && k < n)) throw new RangeError(`rank ${k} outside 0..${n - 1}`);
    if (r > 0 && k < (ranks[r - 1] as number)) throw new RangeError("ranks must be ascending");
  }
  if (ranks.length === 0) return;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const scale = BUCKETS / (max - min);
  if (!(min < max) || !Number.isFinite(scale)) {
    // One value throughout, or a spread too narrow to bucket: select among all of them.
    const a = scratch.subarray(0, n);
    a.set(values);
    selectRanks(a, 0, n - 1, ranks, 0, ranks.length - 1);
    for (let r = 0; r < ranks.length; r++) out[r] = a[ranks[r] as number] as number;
    return;
  }
  bucketCounts.fill(0);
  for (let i = 0; i < n; i++) {
    const b = ((values[i] as number) - min) * scale;
    const k = b < BUCKETS ? b | 0 : BUCKETS;
    bucketCounts[k] = (bucketCounts[k] as number) + 1;
  }
  // Where each needed bucket's values go in scratch (-1: not needed), and where each rank then sits among them.
  bucketStarts.fill(-1);
  const local = new Float64Array(ranks.length);
  let below = 0;
  let gathered = 0;
  let r = 0;
  for (let k = 0; k <= BUCKETS && r < ranks.length; k++) {
    const c = bucketCounts[k] as number;
    if ((ranks[r] as number) < below + c) {
      bucketStarts[k] = gathered;
      for (; r < ranks.length && (ranks[r] as number) < below + c; r++) local[r] = gathered + (ranks[r] as number) - below;
      gathered += c;
    }
    below += c;
  }
  bucketFill.set(bucketStarts);
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    const b = (x - min) * scale;
    const k = b < BUCKETS ? b | 0 : BUCKETS;
    const at = bucketFill[k] as number;
    if (at >= 0) {
      scratch[at] = x;
      bucketFill[k] = at + 1;
    }
  }
  // Gathered buckets are in order and each is whole, so a rank's value lies within its own bucket's stretch.
  selectRanks(scratch, 0, gathered - 1, local, 0, local.length - 1);
  for (let q = 0; q < ranks.length; q++) out[q] = scratch[local[q] as number] as number;
}

/**
 * Type-7 quantiles by selection: out[i] is the quantile of probability
 * probabilities[i] of `values` (no NaN; left as it was). Selects only the
 * order statistics the quantiles interpolate between; `scratch` as for
 * orderStatistics.
 */
export function quantilesBySelection(values: Float64Array, probabilities: readonly number[], out: Float64Array, scratch: Float64Array): void {
  const positions = probabilities.map((p) => type7Position(values.length, p));
  const ranks = [...new Set(positions.flatMap(({ index, fraction }) => (fraction > 0 ? [index, index + 1] : [index])))].sort((a, b) => a - b);
  const order = new Float64Array(ranks.length);
  orderStatistics(values, ranks, order, scratch);
  positions.forEach(({ index, fraction }, i) => {
    const x0 = order[ranks.indexOf(index)] as number;
    out[i] = fraction === 0 ? x0 : x0 + fraction * ((order[ranks.indexOf(index + 1)] as number) - x0);
  });
}

/** Places ranks[rlo..rhi], all within [lo, hi], at their positions. */
function selectRanks(a: Float64Array, lo: number, hi: number, ranks: ArrayLike<number>, rlo: number, rhi: number): void {
  if (rlo > rhi || lo >= hi) return;
  const mid = (rlo + rhi) >>> 1;
  const k = ranks[mid] as number;
  selectRank(a, lo, hi, k);
  let left = mid - 1;
  while (left >= rlo && (ranks[left] as number) === k) left--;
  let right = mid + 1;
  while (right <= rhi && (ranks[right] as number) === k) right++;
  selectRanks(a, lo, k - 1, ranks, rlo, left);
  selectRanks(a, k + 1, hi, ranks, right, rhi);
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}
