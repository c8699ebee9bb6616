import { BLOCK_RUNS, type MonteCarloAggregate } from "@chipsim/core";
import type { WorkerTeam } from "./parallel/workerTeam.js";
import { targetsMet, type targetSeries } from "./targetSe.js";

/**
 * Runs between two looks at the standard errors under --target-se: one
 * block, so that a round is whole slices for the threads and the job stops
 * at a multiple of it (or at its last run), whatever the threads.
 */
export const TARGET_SE_ROUND_RUNS = BLOCK_RUNS;

/**
 * `chipsim run --target-se`: the job's runs in rounds of
 * TARGET_SE_ROUND_RUNS on every thread of the team, the targets tested
 * after each round on the runs done so far. The stopping point depends only
 * on the seed (the rounds are the same for any number of threads), and a
 * job that stops early is the job of that many runs.
 */
export async function runUntilPrecise(
  team: WorkerTeam,
  job: Parameters<WorkerTeam["run"]>[0],
  count: number,
  watched: ReturnType<typeof targetSeries>,
  onProgress?: (done: number, total: number) => void,
): Promise<MonteCarloAggregate> {
  const whole = team.aggregateFor(job.model, job.plan, 0, count);
  let done = 0;
  while (done < count) {
    const round = Math.min(TARGET_SE_ROUND_RUNS, count - done);
    const before = done;
    await team.run(job, before, round, onProgress ? (d) => onProgress(before + d, count) : undefined, whole);
    done += round;
    if (done < count && targetsMet(whole, done, watched)) {
      onProgress?.(count, count);
      return whole.truncated(done);
    }
  }
  whole.requireCovers(0, count);
  return whole;
}
