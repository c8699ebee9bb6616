import { Session } from "node:inspector/promises";
// The engine's entry point: worker threads measure their own run loop with this too (sliceWorker.ts).
import { planJob, runMonteCarlo, type CompiledModel, type Sampler } from "@chipsim/core/engine";

/** benchChild.js's flag for measuring the bundled command's run loop: `--garbage-per-run SEED`. */
export const GARBAGE_FLAG = "--garbage-per-run";

/** Bytes between the heap profiler's samples: small enough to see a few heap numbers a run. */
const SAMPLING_INTERVAL_BYTES = 64;

/**
 * Bytes the run loop (parameter draw, model, recorder) allocates per run,
 * once V8 has optimised it: what the young generation must sweep, and what
 * "no allocation per run" measures against (0 is the aim). Counted by V8's
 * sampling heap profiler with collected objects included, over `runs` runs
 * after as many to warm up; nothing is kept, so no statistics allocate.
 * Only what is allocated inside runMonteCarlo counts: the profiler's own
 * answer is built while it still samples (about 100 bytes a run here).
 * Sampling is statistical: the figure is good to a few bytes.
 */
export async function garbagePerRun(model: CompiledModel, runs: number, seed: number, sampler: Sampler = "random"): Promise<number> {
  const plan = planJob(model, { runs: 2 * runs, seed, statistics: "exact", sampler });
  // The interpreter boxes every fractional number it computes; optimised code is what runs a job.
  runMonteCarlo(model, { plan, discardValues: true, count: runs });
  const session = new Session();
  session.connect();
  try {
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: SAMPLING_INTERVAL_BYTES,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    runMonteCarlo(model, { plan, discardValues: true, firstRun: runs, count: runs });
    const { profile } = await session.post("HeapProfiler.stopSampling");
    return sampledBytes(profile.head, false) / runs;
  } finally {
    session.disconnect();
  }
}

interface SampledNode {
  readonly callFrame: { readonly functionName: string };
  readonly selfSize: number;
  readonly children: readonly SampledNode[];
}

/** Bytes sampled in runMonteCarlo and what it calls (by the name it has here: a bundler may rename it). */
function sampledBytes(node: SampledNode, inRunLoop: boolean): number {
  const inside = inRunLoop || node.callFrame.functionName === runMonteCarlo.name;
  let total = inside ? node.selfSize : 0;
  for (const child of node.children) total += sampledBytes(child, inside);
  return total;
}
