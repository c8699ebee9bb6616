import type { SimulationReply, SimulationRequest } from "./simulationMessages.js";
// Inlined into the bundle (a Blob URL at run time) as a classic worker:
// browsers start neither a worker file nor a module worker from a page
// opened from disk, but they do start this.
import SimulationWorker from "./simulation.worker.ts?worker&inline";

const WARM_UP_JOB = -1;

export interface RunnerCallbacks {
  readonly onProgress: (done: number, total: number) => void;
  readonly onResult: (reply: Extract<SimulationReply, { kind: "result" }>) => void;
  readonly onError: (message: string) => void;
}

/**
 * One Web Worker that runs one job at a time. A new request while a job is
 * running terminates that worker and starts a fresh one, so the stale job
 * stops at once instead of finishing unseen; replies of older jobs are
 * ignored.
 */
export class SimulationRunner {
  private worker: Worker | undefined;
  private job = 0;
  private busy = false;
  private lastKey: string | undefined;

  constructor(private readonly callbacks: RunnerCallbacks) {}

  /** Runs the request unless the last finished job was the same one; returns whether it started a job. */
  run(request: Omit<SimulationRequest, "job">): boolean {
    const key = JSON.stringify(request);
    if (!this.busy && key === this.lastKey) return false;
    if (this.busy) this.stop();
    const worker = this.worker ?? this.start();
    this.job += 1;
    this.busy = true;
    this.lastKey = key;
    worker.postMessage({ ...request, job: this.job } satisfies SimulationRequest);
    return true;
  }

  /**
   * Starts the worker ahead of its first job and runs one throw-away run,
   * so the first lever move does not wait for the module to load and the
   * engine to warm up. Its reply is ignored.
   */
  warmUp(request: Omit<SimulationRequest, "job" | "runs">): void {
    if (this.worker) return;
    this.start().postMessage({ ...request, runs: 1, job: WARM_UP_JOB } satisfies SimulationRequest);
  }

  /** Drops the running job, if any (its result is no longer wanted). */
  cancel(): void {
    if (this.busy) this.stop();
    this.lastKey = undefined;
  }

  private start(): Worker {
    const worker = new SimulationWorker();
    worker.onmessage = (event: MessageEvent<SimulationReply>) => {
      const reply = event.data;
      if (reply.job !== this.job) return;
      if (reply.kind === "progress") return this.callbacks.onProgress(reply.done, reply.total);
      this.busy = false;
      if (reply.kind === "result") this.callbacks.onResult(reply);
      else {
        this.lastKey = undefined;
        this.callbacks.onError(reply.message);
      }
    };
    worker.onerror = (event) => {
      this.busy = false;
      this.lastKey = undefined;
      this.callbacks.onError(event.message || "the simulation worker failed to start");
    };
    this.worker = worker;
    return worker;
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.busy = false;
  }
}
