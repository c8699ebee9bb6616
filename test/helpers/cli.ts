import { runCli, type CliIo } from "@chipsim/cli";
import { expect } from "vitest";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the chipsim command line in this process and captures what it prints. */
export async function chipsim(args: string[], cwd: string = process.cwd(), env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    cwd,
    stdout: { write: (t: string) => void (stdout += t) },
    stderr: { write: (t: string) => void (stderr += t), isTTY: false },
    env,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/**
 * A command run twice: with --check-invariants on `threads` threads, and
 * without on one. The checked run must succeed and print exactly what the
 * unchecked one prints (the counts go to stderr), and only it may speak of
 * invariants. Both results come back, for the counts.
 */
export async function checkedAndPlain(args: string[], threads: number): Promise<{ checked: CliResult; plain: CliResult }> {
  const checked = await chipsim([...args, "--workers", String(threads), "--check-invariants"]);
  const plain = await chipsim([...args, "--workers", "1"]);
  expect(checked.code).toBe(0);
  expect(checked.stdout).toBe(plain.stdout);
  expect(plain.stderr).not.toContain("invariants");
  return { checked, plain };
}
