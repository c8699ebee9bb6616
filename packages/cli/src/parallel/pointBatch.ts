import type { TransferableScenario } from "@chipsim/core";
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
