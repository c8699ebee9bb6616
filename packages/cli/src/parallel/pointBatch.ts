import type { ModelEvaluator, TransferableScenario } from "@chipsim/core";
import type { FailureReport } from "./failureReport.js";

/**
 * Messages of `chipsim sensitivity --workers N`. A worker is first told the
 * model and the output (`setup`: it compiles its own model), then handed
 * batches of points: shared buffers of uniforms (row-major) and outputs, and
 * a shared counter from which every thread claims rows.
 */
export type PointMessage =
  | {
      readonly kind: "setup";
      readonly scenario: TransferableScenario;
      readonly metric: string;
      readonly year: number;
      /** Check the model's invariants after every quarter of every row. */
      readonly checkInvariants: boolean;
    }
  | {
      readonly kind: "batch";
      readonly points: SharedArrayBuffer;
      readonly outputs: SharedArrayBuffer;
      readonly nextRow: SharedArrayBuffer;
      /** Rows evaluated so far, by any thread: for the progress bar. */
      readonly rowsDone: SharedArrayBuffer;
      readonly rows: number;
      /** The analysis's count of evaluations before this batch: row r is evaluation firstIndex + r in error messages. */
      readonly firstIndex: number;
    };

/**
 * What a worker sends back after a batch: done (its outputs are in the
 * shared buffer, with the quarters it checked in this batch), or why it stopped.
 */
export type PointReport = { readonly kind: "done"; readonly quartersChecked: number } | FailureReport;

/** Rows a thread claims at a time: about a millisecond of runs, so threads finish a batch together. */
export const ROWS_PER_CLAIM = 8;

/** A batch as a thread reads it: views of its shared buffers. */
export interface BatchViews {
  readonly points: Float64Array;
  readonly outputs: Float64Array;
  readonly next: Int32Array;
  readonly done: Int32Array;
  readonly rows: number;
  readonly firstIndex: number;
}

export function batchViews(batch: Extract<PointMessage, { kind: "batch" }>): BatchViews {
  return {
    points: new Float64Array(batch.points),
    outputs: new Float64Array(batch.outputs),
    next: new Int32Array(batch.nextRow),
    done: new Int32Array(batch.rowsDone),
    rows: batch.rows,
    firstIndex: batch.firstIndex,
  };
}

/**
 * Claims the next ROWS_PER_CLAIM rows of the batch and evaluates them into
 * their outputs, on whichever thread calls it; false once every row is
 * claimed. Each output lands at its row, so any split gives the same bits.
 */
export function claimRows(batch: BatchViews, evaluator: ModelEvaluator): boolean {
  const from = Atomics.add(batch.next, 0, ROWS_PER_CLAIM);
  if (from >= batch.rows) return false;
  const to = Math.min(batch.rows, from + ROWS_PER_CLAIM);
  evaluator.evaluateRows(batch.points, from, to, batch.outputs, batch.firstIndex);
  Atomics.add(batch.done, 0, to - from);
  return true;
}
