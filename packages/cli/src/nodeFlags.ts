/**
 * Flags for the Node process that runs chipsim, given wherever it is
 * started: the shebang of bin.ts, the `chipsim` script in package.json,
 * the Dockerfile's entry point and the benchmark's child processes
 * (test/cli/nodeFlags.test.ts checks they agree).
 *
 * --max-semi-space-size=1 (MiB): what chipsim allocates is short-lived
 * (reading the scenario, the first runs before V8 optimises them, the
 * summaries; an optimised run leaves about 10 bytes), and under it V8 grows
 * the young generation towards its default limit (tens of MiB), which then
 * holds only garbage. At 1 MiB the peak memory of a streamed run was about
 * 30 MiB lower for the same time; at 4 MiB a 10^4-run command peaked 13 MiB
 * higher and was no faster beyond the noise (medians of 8, 1.92 s and
 * 2.00 s). Worker threads get the same through resourceLimits
 * (parallel/workerTeam.ts).
 */
export const NODE_FLAGS: readonly string[] = ["--max-semi-space-size=1"];
