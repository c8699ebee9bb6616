/**
 * Flags for the Node process that runs chipsim, given wherever it is
 * started: the shebang of bin.ts, the `chipsim` script in package.json,
 * the Dockerfile's entry point and the benchmark's child processes
 * (test/cli/nodeFlags.test.ts checks they agree).
 *
 * --max-semi-space-size=1 (MiB): a run allocates a few kilobytes, all of it
 * dead by the next run, and under that steady allocation V8 grows the young
 * generation to its default limit (tens of MiB) that then holds only
 * garbage. At 1 MiB a scavenge comes every few hundred runs and finds
 * almost nothing alive: the time is the same and the peak memory of a
 * streamed run falls by about 30 MiB. Worker threads get the same through
 * resourceLimits (parallel/workerTeam.ts).
 */
export const NODE_FLAGS: readonly string[] = ["--max-semi-space-size=1"];
