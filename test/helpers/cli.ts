import { runCli, type CliIo } from "@chipsim/cli";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the chipsim command line in this process and captures what it prints. */
export async function chipsim(args: string[], cwd: string = process.cwd()): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    cwd,
    stdout: { write: (t: string) => void (stdout += t) },
    stderr: { write: (t: string) => void (stderr += t), isTTY: false },
    env: {},
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
