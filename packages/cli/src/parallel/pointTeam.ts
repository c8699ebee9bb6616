import type { Worker } from "node:worker_threads";
import { ModelEvaluator, transferableScenario, type CompiledModel, type ResolvedScenario } from "@chipsim/core";
import { batchViews, claimRows, type PointMessage, type PointReport } from "./pointBatch.js";
import { SharedWork, startWorkers } from "./sharedWork.js";

/**
 * Threads that evaluate the model at batches of points for one output (a
 * metric in a year): what `chipsim sensitivity --workers N` hands its
 * tornado, screen and Sobol or Morris design to. This thread works too.
 * Every output lands at its row and each row is one deterministic run, so
 * the results are the same bits for any number of threads.
 */
export class PointTeam {
  /** Rows evaluated so far: numbers the next batch's rows, as one thread would. */
  private evaluated = 0;
  private readonly evaluator: ModelEvaluator;
  /** Quarters the workers checked (with checkInvariants); this thread's own are its evaluator's. */
  private workersChecked = 0;

  private constructor(
    private readonly workers: readonly Worker[],
    model: CompiledModel,
    private readonly dimensions: number,
    metric: string,
    year: number,
    checkInvariants: boolean,
    /** Called now and then with the rows evaluated so far, over every batch. */
    private readonly onProgress?: (rowsDone: number) => void,
  ) {
    this.evaluator = new ModelEvaluator(model, metric, year, { checkInvariants });
  }

  /** Rows evaluated so far, by every thread. */
  get rows(): number {
    return this.evaluated;
  }

  /** Quarters whose invariants were checked and held, by every thread (0 without checkInvariants). */
  get quartersChecked(): number {
    return this.evaluator.quartersChecked + this.workersChecked;
  }

  /** `size` workers (threads besides this one), started before the scenario is loaded so that loading the engine in them overlaps it. */
  static startWorkers(size: number): Worker[] {
    return startWorkers("pointWorker", size);
  }

  /**
   * The team for one output of one scenario; each worker compiles its own
   * model from the scenario. With `checkInvariants` every thread checks
   * every quarter of every row it evaluates.
   */
  static forOutput(
    workers: readonly Worker[],
    scenario: ResolvedScenario,
    model: CompiledModel,
    output: { readonly metric: string; readonly year: number; readonly checkInvariants?: boolean },
    onProgress?: (rowsDone: number) => void,
  ): PointTeam {
    const { metric, year } = output;
    const checkInvariants = output.checkInvariants === true;
    const team = new PointTeam(workers, model, model.table.size, metric, year, checkInvariants, onProgress);
    const setup: PointMessage = { kind: "setup", scenario: transferableScenario(scenario), metric, year, checkInvariants };
    for (const worker of workers) worker.postMessage(setup);
    return team;
  }

  /** The analyses' EvaluateRows: `rows` rows of uniforms in, one output per row out. */
  readonly evaluate = async (points: Float64Array, rows: number): Promise<Float64Array> => {
    if (points.length !== rows * this.dimensions) throw new Error(`expected ${rows} rows of ${this.dimensions} uniforms, found ${points.length} numbers`);
    const message: PointMessage = {
      kind: "batch",
      points: new SharedArrayBuffer(points.byteLength),
      outputs: new SharedArrayBuffer(rows * Float64Array.BYTES_PER_ELEMENT),
      nextRow: new SharedArrayBuffer(4),
      rowsDone: new SharedArrayBuffer(4),
      rows,
      firstIndex: this.evaluated,
    };
    const batch = batchViews(message);
    batch.points.set(points);

    const work = new SharedWork(() => Atomics.store(batch.next, 0, rows));
    await work.run<Extract<PointReport, { kind: "done" }>>(this.workers, message, {
      onDone: (reply) => {
        this.workersChecked += reply.quartersChecked;
      },
      claimHere: () => {
        if (!claimRows(batch, this.evaluator)) return false;
        this.onProgress?.(this.evaluated + Atomics.load(batch.done, 0));
        return true;
      },
    });
    this.evaluated += rows;
    this.onProgress?.(this.evaluated);
    return batch.outputs;
  };
}
