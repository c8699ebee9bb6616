import type { Agent } from "../model/agent.js";
import type { CompiledModel } from "../model/compileModel.js";
import type { RunRecorder } from "../metrics/runRecorder.js";
import type { World } from "../model/world.js";
import { QUARTERS_PER_YEAR } from "../time/index.js";

/** Milestone years of one run, as year indices (0 = 2024); a value past the horizon means never. */
export interface RunMilestones {
  euvReadyYear: number;
  supplyMetDemandYear: number;
}

/** Sees the world at the start of a run and after every quarter of it. */
export interface QuarterWatcher {
  beginRun(w: World): void;
  afterQuarter(w: World): void;
}

/**
 * One trajectory: the run's parameters are already in world.params; every
 * agent resets, then each quarter every agent steps in order, stocks settle
 * in reverse order, and the recorder takes the quarter. Deterministic given
 * the parameters: all randomness is in the parameter draw. A watcher (the
 * invariant checker, a replay's trace) sees the world after every quarter,
 * before it is recorded.
 */
export function runOnce(model: CompiledModel, runIndex: number, recorder: RunRecorder, milestones: RunMilestones, watcher?: QuarterWatcher): void {
  const w = model.world;
  const { agents, settlers } = model;
  w.beginRun(runIndex);
  for (let a = 0; a < agents.length; a++) (agents[a] as Agent).reset(w);
  recorder.beginRun();
  watcher?.beginRun(w);
  const quarters = w.layout.quarters;
  for (let q = 0; q < quarters; q++) {
    w.beginQuarter(q);
    for (let a = 0; a < agents.length; a++) (agents[a] as Agent).step(w);
    for (let a = 0; a < settlers.length; a++) (settlers[a] as Agent).settle?.(w);
    if (watcher) watcher.afterQuarter(w);
    recorder.recordQuarter(w);
  }
  recorder.finishRun();
  const ready = model.table.indexOfPath("lithography.domesticEuv.readyYear");
  milestones.euvReadyYear = ready === undefined ? Infinity : Math.floor(w.p(ready) / QUARTERS_PER_YEAR);
  milestones.supplyMetDemandYear = w.supplyMetDemandQuarter < 0 ? Infinity : Math.floor(w.supplyMetDemandQuarter / QUARTERS_PER_YEAR);
}
