import { Worker, type ResourceLimits } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { ChipsimError, type ErrorCode } from "@chipsim/core";
import { bundleFile } from "../bundled.js";
import type { FailureReport } from "./failureReport.js";

/**
 * `size` worker threads running `script` (a file of dist/parallel, or its
 * bundle beside the running one), started at once: loading chipsim in them
 * overlaps what this thread does meanwhile.
 */
export function startWorkers(script: WorkerScript, size: number, resourceLimits?: ResourceLimits): Worker[] {
  const url = workerScriptUrl(script);
  return Array.from({ length: Math.max(0, size) }, () => new Worker(url, resourceLimits ? { resourceLimits } : {}));
}

/** The scripts worker threads run (by module name). */
export const WORKER_SCRIPTS = ["sliceWorker", "pointWorker", "sweepWorker"] as const;
export type WorkerScript = (typeof WORKER_SCRIPTS)[number];

/**
 * Where a worker's script is: beside the bundle when chipsim runs bundled
 * (one file loads in well under half the time of the engine's modules,
 * and a worker's loading is on the critical path once the scenario comes
 * from the cache), else among the modules of dist/parallel. Bundled, it is
 * CommonJS like the command (scripts/bundle.mjs says why).
 */
export function workerScriptUrl(script: WorkerScript, bundle: string | undefined = bundleFile()): URL {
  return bundle ? new URL(`${script}.cjs`, pathToFileURL(bundle)) : new URL(`../../dist/parallel/${script}.js`, import.meta.url);
}

export async function stopWorkers(workers: readonly Worker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.terminate()));
}

/** How often, while this thread waits for the workers' last answers, `whileWaiting` is called (a progress bar's pace). */
const WAITING_TICK_MS = 200;

/**
 * One piece of work shared by this thread and worker threads, as every
 * parallel command runs it. Each worker is sent one message and answers
 * once; this thread takes its own share a claim at a time, yielding between
 * claims so that answers, failures and Ctrl-C are heard. The first failure,
 * on any thread (or `fail` from outside, as Ctrl-C does), makes `exhaust`
 * use up every claim counter so that no thread starts more work, and is
 * thrown once every worker has answered.
 */
export class SharedWork {
  private failure: Error | undefined;
  private stopWaiting: (() => void) | undefined;

  constructor(private readonly exhaust: () => void) {}

  fail(error: Error): void {
    this.failure ??= error;
    this.exhaust();
  }

  /**
   * Fails the work and stops waiting for the workers' answers, for Ctrl-C:
   * the command is about to end, writing nothing, so there is no reason to
   * wait for every worker to finish its claim. The caller must then stop
   * (terminate) the workers, which are still busy with it.
   */
  abandon(error: Error): void {
    this.fail(error);
    this.stopWaiting?.();
  }

  async run<Done>(
    workers: readonly Worker[],
    message: unknown,
    share: {
      /** A worker's answer when it finished its part. */
      readonly onDone?: (reply: Done) => void;
      /** A message a worker sends on the way, before its answer (--per-run's rows): `isInterim` tells them apart. */
      readonly onInterim?: (message: unknown) => void;
      readonly isInterim?: (message: unknown) => boolean;
      /** One claim on this thread; false once nothing is left to claim. */
      readonly claimHere: () => boolean;
      readonly whileWaiting?: () => void;
    },
  ): Promise<void> {
    const abandoned = new Promise<void>((resolve) => (this.stopWaiting = resolve));
    const answers = workers.map((worker) =>
      askWorker<Done | FailureReport>(
        worker,
        message,
        (reply) => {
          if (isFailure(reply)) return this.fail(workerFailure(reply.message, reply.code));
          try {
            share.onDone?.(reply);
          } catch (error) {
            this.fail(error as Error);
          }
        },
        (why) => this.fail(workerFailure(why)),
        share.isInterim && share.onInterim
          ? {
              is: share.isInterim,
              take: (message) => {
                try {
                  share.onInterim?.(message);
                } catch (error) {
                  this.fail(error as Error);
                }
              },
            }
          : undefined,
      ),
    );
    try {
      while (!this.failure && share.claimHere()) await new Promise((resolve) => setImmediate(resolve));
    } catch (error) {
      this.fail(error as Error);
    }
    const timer = share.whileWaiting ? setInterval(share.whileWaiting, WAITING_TICK_MS) : undefined;
    try {
      await Promise.race([Promise.all(answers), abandoned]);
    } finally {
      if (timer) clearInterval(timer);
    }
    if (this.failure) throw this.failure;
  }
}

function isFailure(reply: unknown): reply is FailureReport {
  return (reply as { kind?: unknown }).kind === "failed";
}

/**
 * Posts `message` to a worker and resolves once it has answered: with its
 * reply, or with why it never will (it threw outside its own handler, or
 * exited). The listeners live for this message only, since a worker serves
 * one message after another.
 */
function askWorker<Reply>(
  worker: Worker,
  message: unknown,
  onReply: (reply: Reply) => void,
  onLost: (why: string) => void,
  interim?: { is: (message: unknown) => boolean; take: (message: unknown) => void },
): Promise<void> {
  return new Promise((resolve) => {
    const settle = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      resolve();
    };
    const onMessage = (reply: Reply) => {
      if (interim?.is(reply)) return interim.take(reply);
      settle();
      onReply(reply);
    };
    const onError = (error: Error) => {
      settle();
      onLost(error.message);
    };
    const onExit = (code: number) => {
      settle();
      onLost(`exited (code ${code}) before it answered`);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(message);
  });
}

/** A worker's failure as the error to raise: chipsim's own error (with its exit code) when it sent one, else an internal one. */
function workerFailure(message: string, code?: ErrorCode): Error {
  return code ? new ChipsimError(code, message) : new Error(`a worker stopped: ${message}`);
}
