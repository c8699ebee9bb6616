import type { ModelEvaluator } from "./evaluator.js";

/**
 * Evaluates the model at many points at once: `points` holds `rows` rows of
 * uniforms, row-major, and the result one output per row, in row order.
 * The analyses build their points first and hand them over in batches, so
 * that the batch can be spread over threads (chipsim sensitivity
 * --workers): outputs land by row, so any split gives the same numbers.
 */
export type EvaluateRows = (points: Float64Array, rows: number) => Float64Array | Promise<Float64Array>;

/**
 * Rows handed over at once, at most: bounds the points held in memory
 * (4,096 rows of 160 parameters are 5 MiB) while keeping each batch long
 * enough (about half a second of runs) for threads to share.
 */
export const MAX_BATCH_ROWS = 4096;

/** Every row on this thread, through one evaluator; rows are numbered on from what it has evaluated. */
export function evaluateRowsWith(evaluator: ModelEvaluator): EvaluateRows {
  return (points, rows) => {
    const out = new Float64Array(rows);
    evaluator.evaluateRows(points, 0, rows, out, evaluator.runs);
    return out;
  };
}

/** A plain function of one point, row by row: for analyses of functions other than the model. */
export function evaluateRowsOf(f: (u: Float64Array) => number, dimensions: number): EvaluateRows {
  return (points, rows) => {
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) out[r] = f(points.subarray(r * dimensions, (r + 1) * dimensions));
    return out;
  };
}

/**
 * `rows` points, written one at a time by `fill(row, u)` in row order (so a
 * fill that draws random numbers draws them in a fixed sequence), evaluated
 * in batches of at most MAX_BATCH_ROWS; the outputs in row order.
 */
export async function evaluateInBatches(
  evaluate: EvaluateRows,
  dimensions: number,
  rows: number,
  fill: (row: number, u: Float64Array) => void,
): Promise<Float64Array> {
  const out = new Float64Array(rows);
  for (let start = 0; start < rows; start += MAX_BATCH_ROWS) {
    const size = Math.min(MAX_BATCH_ROWS, rows - start);
    const points = new Float64Array(size * dimensions);
    for (let r = 0; r < size; r++) fill(start + r, points.subarray(r * dimensions, (r + 1) * dimensions));
    const values = await evaluate(points, size);
    if (values.length !== size) throw new Error(`evaluated ${values.length} rows of ${size}`);
    out.set(values, start);
  }
  return out;
}
