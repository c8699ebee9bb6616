/**
 * One configuration of the benchmark, in a process of its own so that its
 * peak memory is its own: runs the command line in this process with the
 * arguments given, then prints {code, peakMemoryMiB} as one JSON line.
 * The entry of the bundle benchChild.js (scripts/bundle.mjs), whose
 * launcher calls main and sets the exit code.
 */
import { runCli } from "../program.js";
import { peakMemoryMiB } from "./peakMemory.js";

export async function main(): Promise<number> {
  const code = await runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: { write: () => {} },
    stderr: process.stderr,
    env: process.env,
  });
  process.stdout.write(`${JSON.stringify({ code, peakMemoryMiB: peakMemoryMiB() })}\n`);
  return code;
}
