/**
 * One configuration of the benchmark, in a process of its own so that its
 * peak memory is its own: runs the command line in this process with the
 * arguments given, then prints {code, peakMemoryMiB} as one JSON line.
 * The entry of the bundle benchChild.js (scripts/bundle.mjs), whose
 * launcher calls main and sets the exit code.
 *
 * With `--garbage-per-run SEED` it prints {garbageBytesPerRun,
 * workerGarbageBytesPerRun} instead: the garbage of the baseline's run loop
 * as the bundled command runs it, and as a worker thread runs it from its
 * own bundled script. Both are compiled differently from the modules tsc
 * writes (esbuild's output once made each allocate 8 KB a run where those
 * allocated none).
 */
import { once } from "node:events";
import { compileModel, transferableScenario } from "@chipsim/core";
import { startWorkers, stopWorkers } from "../parallel/sharedWork.js";
import type { GarbageQuestion, WorkerReport } from "../parallel/sharedJob.js";
import { runCli } from "../program.js";
import { loadResolved } from "../scenarioInput.js";
import { GARBAGE_FLAG, garbagePerRun } from "./garbagePerRun.js";
import { peakMemoryMiB } from "./peakMemory.js";

/** Runs measured after as many to warm up: enough for a few bytes' precision. */
const GARBAGE_RUNS = 5000;

export async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] === GARBAGE_FLAG) {
    const seed = Number(args[1]);
    if (!Number.isInteger(seed)) throw new Error(`${GARBAGE_FLAG}: expected a whole-number seed, found ${String(args[1])}`);
    const scenario = loadResolved("baseline", [], process.cwd());
    const garbageBytesPerRun = await garbagePerRun(compileModel(scenario), GARBAGE_RUNS, seed);
    const workerGarbageBytesPerRun = await workerGarbagePerRun(transferableScenario(scenario), seed);
    process.stdout.write(`${JSON.stringify({ garbageBytesPerRun, workerGarbageBytesPerRun })}\n`);
    return 0;
  }
  const code = await runCli(args, {
    cwd: process.cwd(),
    stdout: { write: () => {} },
    stderr: process.stderr,
    env: process.env,
  });
  process.stdout.write(`${JSON.stringify({ code, peakMemoryMiB: peakMemoryMiB() })}\n`);
  return code;
}

/** The garbage a worker thread's run loop leaves, measured in a worker started from the bundled worker script, as the command starts them. */
async function workerGarbagePerRun(scenario: GarbageQuestion["scenario"], seed: number): Promise<number> {
  const [worker] = startWorkers("sliceWorker", 1);
  if (!worker) throw new Error("no worker thread started");
  try {
    worker.postMessage({ kind: "garbage", scenario, runs: GARBAGE_RUNS, seed } satisfies GarbageQuestion);
    const [reply] = (await once(worker, "message")) as [WorkerReport];
    if (reply.kind !== "garbage") throw new Error(`worker thread: ${reply.kind === "failed" ? reply.message : `unexpected answer ${reply.kind}`}`);
    return reply.garbageBytesPerRun;
  } finally {
    await stopWorkers([worker]);
  }
}
