/**
 * Where the command line reads and writes, passed in so that tests run the
 * program in-process and capture its output.
 */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: { write(text: string): void };
  readonly stderr: { write(text: string): void; readonly isTTY?: boolean; readonly columns?: number };
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): CliIo {
  // `chipsim list | head -3`: once the reader has gone, the rest of the output has nowhere to go.
  // It is dropped quietly instead of ending the process with a stack trace, and the command goes
  // on to write its files and exit with its own code.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  return { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env };
}
