import cliProgress from "cli-progress";
import type { CliIo } from "../io.js";

/** What a command holds while it runs: the callback to report progress to, and stop(), which must run however the job ends. */
export interface ProgressReporter {
  readonly onProgress?: (done: number, total: number) => void;
  /** Clears the bar and gives the terminal its cursor and line wrap back; safe to call twice. */
  stop(): void;
}

/**
 * A progress bar on stderr, only where a person is watching (stderr is a
 * terminal) and only once a job has run for more than a second, so quick
 * runs and batch logs stay clean.
 *
 * The bar redraws on a timer that keeps the process alive, so every
 * command calls stop() in a `finally`: a job that fails or is interrupted
 * must still exit at once. It leaves the cursor shown and line wrap as it
 * was (it is sized to fit the terminal's width instead), so that even a
 * command killed outright by a signal leaves the terminal as it found it.
 */
export function progressReporter(
  io: CliIo,
  quiet: boolean,
  now: () => number = Date.now,
  /** What is counted: runs, or a sweep's points. */
  unit = "runs",
): ProgressReporter {
  if (quiet || !io.stderr.isTTY) return { stop() {} };
  const started = now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    onProgress(done, total) {
      if (!bar) {
        if (now() - started < 1000 || done >= total) return;
        bar = new cliProgress.SingleBar(
          {
            stream: io.stderr as unknown as NodeJS.WritableStream,
            format: `${unit} {bar} {value}/{total} | {eta_formatted}`,
            barsize: barWidth(io.stderr.columns, unit, total),
            formatTime: (seconds: number) => timeLeft(seconds),
            formatValue: (value: number | string, _options: unknown, type: string) =>
              (type === "value" || type === "total") && typeof value === "number" ? value.toLocaleString("en-US") : String(value),
            hideCursor: false,
            // Left alone: cli-progress writes escape codes only to turn line wrap off (`false`, its default).
            linewrap: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** The bar's width in characters: what the terminal's line leaves beside the text, between 10 and 40. */
export function barWidth(columns: number | undefined, unit: string, total: number): number {
  const totalText = total.toLocaleString("en-US");
  // "<unit> <bar> <done>/<total> | estimating time left", and a column to spare.
  const text = unit.length + 2 + 2 * totalText.length + 1 + 3 + "estimating time left".length + 1;
  return Math.max(10, Math.min(40, (columns ?? 80) - text));
}

/**
 * The bar's estimate of the time left. cli-progress gives seconds, or the
 * text "NULL" / "INF" before it has a rate; until then the bar says it is
 * still estimating rather than "0s left".
 */
export function timeLeft(seconds: number | string): string {
  const s = typeof seconds === "number" ? seconds : Number.NaN;
  return Number.isFinite(s) && s > 0 ? `${formatDuration(s)} left` : "estimating time left";
}

/**
 * A duration as a person reads it: "45s", "2m05s", "1h07m". The total is
 * rounded to the displayed unit before it is split, so 179.7 s reads
 * "3m00s", never "2m60s".
 */
export function formatDuration(seconds: number): string {
  if (seconds < 59.5) return `${Math.max(0, Math.round(seconds))}s`;
  if (seconds < 3600 - 0.5) {
    const whole = Math.round(seconds);
    return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, "0")}s`;
  }
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}
