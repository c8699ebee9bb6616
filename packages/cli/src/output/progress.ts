import cliProgress from "cli-progress";
import type { CliIo } from "../io.js";

/**
 * A progress bar on stderr, only where a person is watching (stderr is a
 * terminal) and only once a job has run for more than a second, so quick
 * runs and batch logs stay clean.
 */
export function progressReporter(
  io: CliIo,
  quiet: boolean,
  now: () => number = Date.now,
  /** What is counted: runs, or a sweep's points. */
  unit = "runs",
): { onProgress?: (done: number, total: number) => void; stop(): void } {
  if (quiet || !io.stderr.isTTY) return { stop() {} };
  const started = now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    onProgress(done, total) {
      if (!bar) {
        if (now() - started < 1000 || done >= total) return;
        bar = new cliProgress.SingleBar(
          { stream: io.stderr as unknown as NodeJS.WritableStream, format: `${unit} {bar} {value}/{total} | {eta_formatted} left`, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
