import type { CompiledModel, MonteCarloAggregate } from "@chipsim/core/engine";
import { PerRunBlockBuilder, type PerRunBlock, type PerRunShape } from "../output/perRunBlock.js";
import type { PerRunExport } from "../output/perRun.js";
import { claimEach, runSliceInto } from "./claimSlices.js";
import type { SharedJob } from "./sharedJob.js";

/**
 * Slices a thread may run ahead of the last one written under --per-run:
 * a worker waits before claiming further, so the rows kept waiting for
 * their turn stay bounded (a slice of every metric is about 150 MB of CSV).
 */
export const PER_RUN_WINDOW_SLICES = 2;

/** What the threads of a --per-run job share: the export's shape, and how many slices have been written. */
export interface SharedRows {
  readonly shape: PerRunShape;
  readonly written: SharedArrayBuffer;
  readonly window: number;
}

/**
 * `--per-run` on several threads, on the main thread: every slice's rows
 * reach the export in run order, whichever thread made them. The slice
 * next in turn is written as its runs finish (this thread's) or as it
 * arrives (a worker's); a later one waits here until the slices before it
 * are written. The export gets the same rows in the same order as one
 * thread gives it, so the files are the same bytes.
 */
export class OrderedRows {
  readonly shared: SharedRows;
  private readonly written: Int32Array;
  private readonly waiting = new Map<number, PerRunBlock>();
  private readonly builder: PerRunBlockBuilder;
  /** Set once the job failed or was interrupted: rows still arriving are dropped, the export is being discarded. */
  private released = false;

  constructor(
    private readonly perRun: PerRunExport,
    series: number,
  ) {
    this.shared = { shape: perRun.shape, written: new SharedArrayBuffer(4), window: PER_RUN_WINDOW_SLICES };
    this.written = new Int32Array(this.shared.written);
    this.builder = new PerRunBlockBuilder(perRun.shape, series);
  }

  /** Runs slice `slice` on this thread: straight into the export when it is next in turn, else kept until it is. */
  runSlice(model: CompiledModel, job: SharedJob, into: MonteCarloAggregate, first: number, count: number, slice: number): void {
    if (slice === Atomics.load(this.written, 0)) {
      runSliceInto(model, job, into, first, count, (run, values) => this.perRun.add(run, values));
      this.advance();
      this.drain();
      return;
    }
    this.builder.begin(first, count);
    runSliceInto(model, job, into, first, count, (run, values) => this.builder.add(run, values));
    this.accept(slice, this.builder.finish().block);
  }

  /** A slice's rows, made by any thread. */
  accept(slice: number, block: PerRunBlock): void {
    if (this.released) return;
    this.waiting.set(slice, block);
    this.drain();
  }

  /** Writes the slices waiting here that are now in turn. */
  private drain(): void {
    for (let next = Atomics.load(this.written, 0); this.waiting.has(next); next = Atomics.load(this.written, 0)) {
      this.perRun.addBlock(this.waiting.get(next) as PerRunBlock);
      this.waiting.delete(next);
      this.advance();
    }
  }

  /** Lets every waiting worker go (the job failed or was interrupted: nothing more will be written). */
  release(): void {
    this.released = true;
    this.waiting.clear();
    Atomics.store(this.written, 0, 0x7fffffff);
    Atomics.notify(this.written, 0);
  }

  private advance(): void {
    Atomics.add(this.written, 0, 1);
    Atomics.notify(this.written, 0);
  }
}

/**
 * A worker's slices under --per-run: before running slice k it waits until
 * k is within the window of the slices written, then makes the slice's
 * rows and hands them to `emit`, for the main thread to write in turn.
 */
export function claimSlicesWithRows(
  model: CompiledModel,
  job: SharedJob & { readonly rows: SharedRows },
  into: MonteCarloAggregate,
  series: number,
  emit: (slice: number, block: PerRunBlock, transfer: ArrayBuffer[]) => void,
): void {
  const written = new Int32Array(job.rows.written);
  const builder = new PerRunBlockBuilder(job.rows.shape, series);
  claimEach(job, (first, count, slice) => {
    for (let seen = Atomics.load(written, 0); slice >= seen + job.rows.window; seen = Atomics.load(written, 0)) Atomics.wait(written, 0, seen);
    builder.begin(first, count);
    runSliceInto(model, job, into, first, count, (run, values) => builder.add(run, values));
    const { block, transfer } = builder.finish();
    emit(slice, block, transfer);
  });
}
