import { readFileSync } from "node:fs";

/**
 * The peak resident memory (MiB) of this process since it started, worker
 * threads included.
 *
 * On Linux this is VmHWM from /proc/self/status, the high-water mark of
 * this program's own address space. getrusage's maxRSS
 * (process.resourceUsage) will not do there: Node starts a child by fork
 * and exec, and the kernel folds the forked copy's resident size, which is
 * the parent's, into the child's maxRSS; a child started by a benchmark
 * process of 300 MiB reported 309 MiB for a command that peaks at 125.
 * Elsewhere maxRSS is the best there is.
 */
export function peakMemoryMiB(status: () => string = () => readFileSync("/proc/self/status", "utf8")): number {
  let text: string | undefined;
  try {
    text = status();
  } catch {
    text = undefined;
  }
  const match = text === undefined ? null : /^VmHWM:\s+(\d+) kB$/m.exec(text);
  // Both in kilobytes.
  const kilobytes = match ? Number(match[1]) : process.resourceUsage().maxRSS;
  return Number((kilobytes / 1024).toFixed(1));
}
