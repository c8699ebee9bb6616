import type { CompiledModel } from "../model/compileModel.js";
import { RunRecorder } from "../metrics/runRecorder.js";
import { binLayoutFromRanges, HISTOGRAM_BINS, type BinLayout } from "../stats/binnedSeries.js";
import type { JobPlan } from "./jobPlan.js";
import { RunInputs } from "./runInputs.js";
import { runOnce, type RunMilestones } from "./runOnce.js";
import { runNamingFor } from "./runNaming.js";

/** Runs of the pilot that places the bins of streaming statistics. */
export const PILOT_RUNS = 2048;

/**
 * Bins for a streaming job from the least and greatest value of each
 * series over its first `pilot.runs` runs (the job's own runs, drawn as
 * the job draws them, so every thread and shard that plans the job places
 * the same bins), kept as the runs go: the pilot's values themselves are
 * not kept, since a streaming job's memory should not hold a pilot's worth
 * of them. It runs the runs itself rather than through runMonteCarlo,
 * which plans jobs with planJob: the pilot is part of planning.
 */
export function pilotLayout(model: CompiledModel, pilot: Pick<JobPlan, "runs" | "seed" | "series" | "sampler" | "dimensions">): BinLayout {
  const { series } = pilot;
  const min = new Float64Array(series).fill(Infinity);
  const max = new Float64Array(series).fill(-Infinity);
  const { quarters, designs } = model.world.layout;
  const recorder = new RunRecorder(model.metrics, model.observables.list, runNamingFor(model, pilot), quarters, designs);
  const inputs = RunInputs.forPlan(model, pilot);
  const milestones: RunMilestones = { euvReadyYear: Infinity, supplyMetDemandYear: Infinity };
  const values = recorder.values;
  for (let run = 0; run < pilot.runs; run++) {
    inputs.draw(run);
    runOnce(model, run, recorder, milestones);
    for (let s = 0; s < series; s++) {
      const v = values[s] as number;
      if (v < (min[s] as number)) min[s] = v;
      if (v > (max[s] as number)) max[s] = v;
    }
  }
  return binLayoutFromRanges(min, max, HISTOGRAM_BINS);
}
