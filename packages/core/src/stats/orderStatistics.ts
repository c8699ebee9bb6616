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

/**
 * Writes into out[r] the order statistic of rank ranks[r] (0-based) of
 * `values`, which must hold no NaN. `ranks` must be ascending; `scratch`
 * (at least values.length long) receives a permuted copy, so `values` is
 * left as it was. Each selection works only on what lies above the last
 * one, so several ranks cost little more than one.
 */
export function orderStatistics(values: Float64Array, ranks: ArrayLike<number>, out: Float64Array, scratch: Float64Array): void {
  const n = values.length;
  const a = scratch.length === n ? scratch : scratch.subarray(0, n);
  a.set(values);
  let lo = 0;
  let previous = -1;
  for (let r = 0; r < ranks.length; r++) {
    const k = ranks[r] as number;
    if (!(Number.isInteger(k) && k >= 0 && k < n)) throw new RangeError(`rank ${k} outside 0..${n - 1}`);
    if (k < previous) throw new RangeError("ranks must be ascending");
    if (k !== previous) {
      selectRank(a, lo, n - 1, k);
      lo = k + 1;
      previous = k;
    }
    out[r] = a[k] as number;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}
