/**
 * One streaming histogram for every thread of a job, in shared memory,
 * instead of one per thread merged at the end: for the baseline's 3,240
 * series a histogram is 80 MB, so each thread's own copy (and the copy in
 * flight when a worker hands its copy back) set the peak memory of a
 * streaming job.
 *
 * A histogram's bins merge in any order (counts are whole numbers, least
 * and greatest values do not depend on order), so threads may fill one
 * histogram in whatever order their chunks finish and the bits are those
 * of one thread. Only the bins are shared: each thread keeps its own exact
 * sums, which must be summed block by block in run order.
 *
 * A thread fills the bins a chunk of runs at a time while holding `lock`
 * (an Int32 in shared memory: 0 free, 1 held). A chunk is a few
 * milliseconds of binning against a few hundred of running, so threads
 * rarely wait for each other.
 */
export interface SharedHistogram {
  /** The bins, laid out as BinnedSeries lays out its own, on a SharedArrayBuffer. */
  readonly bins: Float64Array;
  readonly lock: Int32Array;
}

/** An empty shared histogram of `length` numbers (binnedSeries.ts's histogramLength of the job's layout). */
export function sharedHistogram(length: number): SharedHistogram {
  const values = new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
  emptyBins(values);
  return { bins: values, lock: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) };
}

/** Bins with no values: count 0, least value +Infinity, greatest -Infinity. */
export function emptyBins(bins: Float64Array): void {
  for (let k = 0; k < bins.length; k += 3) {
    bins[k] = 0;
    bins[k + 1] = Infinity;
    bins[k + 2] = -Infinity;
  }
}

/** Waits until this thread holds the lock. */
export function acquire(lock: Int32Array): void {
  while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
}

export function release(lock: Int32Array): void {
  Atomics.store(lock, 0, 0);
  Atomics.notify(lock, 0, 1);
}

/** The histogram as it travels to a worker: its two shared buffers (a typed array's view is rebuilt there). */
export interface TravellingHistogram {
  readonly bins: SharedArrayBuffer;
  readonly lock: SharedArrayBuffer;
}

export function histogramToTravel(histogram: SharedHistogram): TravellingHistogram {
  return { bins: histogram.bins.buffer as SharedArrayBuffer, lock: histogram.lock.buffer as SharedArrayBuffer };
}

export function histogramArrived(travelled: TravellingHistogram): SharedHistogram {
  return { bins: new Float64Array(travelled.bins), lock: new Int32Array(travelled.lock) };
}
