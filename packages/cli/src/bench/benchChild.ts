/**
 * One configuration of the benchmark, in a process of its own so that its
 * peak memory is its own: runs the command line in this process with the
 * arguments given, then prints {code, peakMemoryMiB} as one JSON line.
 * The entry of the bundle benchChild.js (scripts/bundle.mjs), whose
 * launcher calls main and sets the exit code.
 *
 * With `--garbage-per-run SEED` it prints {garbageBytesPerRun} instead:
 * the garbage of the baseline's run loop as the bundled command runs it,
 * which is compiled differently from the modules tsc writes (an esbuild
 * wrapper once made it allocate 8 KB a run where those allocated none).
 */
import { compileModel } from "@chipsim/core";
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
    const model = compileModel(loadResolved("baseline", [], process.cwd()));
    const garbageBytesPerRun = await garbagePerRun(model, GARBAGE_RUNS, seed);
    process.stdout.write(`${JSON.stringify({ garbageBytesPerRun })}\n`);
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
