import { UsageError } from "./usageError.js";

/** Which slice of a job this process runs: index from 0 to count - 1. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/**
 * `--shard i/n` (i from 0 to n-1), or `--shard auto`, which reads the
 * cluster's own variables:
 *   Kubernetes Indexed Job: JOB_COMPLETION_INDEX (set by Kubernetes) and
 *     JOB_COMPLETIONS (set in the manifest to the Job's completions);
 *   Slurm job array: SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT, and
 *     SLURM_ARRAY_TASK_MIN / SLURM_ARRAY_TASK_STEP when the array does not
 *     count 0, 1, 2, ...
 */
export function parseShard(text: string, env: Readonly<Record<string, string | undefined>>): ShardSpec {
  if (text === "auto") return shardFromEnvironment(env);
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new UsageError(`--shard: expected i/n (such as 0/4) or auto, found "${text}"`);
  return checked(Number(match[1]), Number(match[2]), "--shard");
}

function shardFromEnvironment(env: Readonly<Record<string, string | undefined>>): ShardSpec {
  const k8sIndex = env["JOB_COMPLETION_INDEX"];
  if (k8sIndex !== undefined) {
    const completions = env["JOB_COMPLETIONS"];
    if (completions === undefined) {
      throw new UsageError("--shard auto: found JOB_COMPLETION_INDEX but no JOB_COMPLETIONS; set it in the Job's container env to the Job's completions");
    }
    return checked(whole(k8sIndex, "JOB_COMPLETION_INDEX"), whole(completions, "JOB_COMPLETIONS"), "JOB_COMPLETION_INDEX/JOB_COMPLETIONS");
  }
  const taskId = env["SLURM_ARRAY_TASK_ID"];
  if (taskId !== undefined) {
    const count = env["SLURM_ARRAY_TASK_COUNT"];
    if (count === undefined) throw new UsageError("--shard auto: found SLURM_ARRAY_TASK_ID but no SLURM_ARRAY_TASK_COUNT");
    const min = env["SLURM_ARRAY_TASK_MIN"] !== undefined ? whole(env["SLURM_ARRAY_TASK_MIN"], "SLURM_ARRAY_TASK_MIN") : 0;
    const step = env["SLURM_ARRAY_TASK_STEP"] !== undefined ? whole(env["SLURM_ARRAY_TASK_STEP"], "SLURM_ARRAY_TASK_STEP") : 1;
    const offset = whole(taskId, "SLURM_ARRAY_TASK_ID") - min;
    if (step < 1 || offset % step !== 0) throw new UsageError(`--shard auto: SLURM_ARRAY_TASK_ID ${taskId} is not on the array's steps (min ${min}, step ${step})`);
    return checked(offset / step, whole(count, "SLURM_ARRAY_TASK_COUNT"), "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT");
  }
  throw new UsageError("--shard auto: expected JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (Slurm job array) in the environment, found neither");
}

function whole(text: string | undefined, name: string): number {
  if (text === undefined || !/^\d+$/.test(text.trim())) throw new UsageError(`--shard auto: expected ${name} to be a whole number, found "${String(text)}"`);
  return Number(text);
}

function checked(index: number, count: number, what: string): ShardSpec {
  if (!(count >= 1)) throw new UsageError(`${what}: expected at least 1 shard, found ${count}`);
  if (!(index < count)) throw new UsageError(`${what}: expected a shard index from 0 to ${count - 1}, found ${index}`);
  return { index, count };
}

/** The partial file of shard i of n: sorts in shard order and names its place. */
export function partialFileName(shard: ShardSpec): string {
  const width = String(shard.count - 1).length;
  return `partial-${String(shard.index).padStart(width, "0")}-of-${shard.count}.chipsim`;
}
