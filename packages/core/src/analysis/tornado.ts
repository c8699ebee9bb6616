import type { Distribution } from "../distributions/types.js";
import { evaluateInBatches, type EvaluateRows } from "./evaluateRows.js";

/**
 * One at a time: every uncertain parameter at its own P10 and P90 while
 * the others sit at their medians. Cheap (1 + 2k runs) and easy to read, but
 * blind to interactions: the global methods cover those.
 */
export interface TornadoBar {
  readonly path: string;
  readonly low: number;
  readonly high: number;
  /** |high - low|: the length of the bar. */
  readonly swing: number;
}

export interface Tornado {
  readonly base: number;
  readonly bars: readonly TornadoBar[];
  readonly runs: number;
}

export async function tornado(evaluate: EvaluateRows, paths: readonly string[], distributions: readonly Distribution[]): Promise<Tornado> {
  const varied = distributions.flatMap((d, i) => (d.quantile(0.1) === d.quantile(0.9) ? [] : [i]));
  // Row 0: every parameter at its median; rows 2j + 1 and 2j + 2: parameter varied[j] at P10, then P90.
  const rows = 1 + 2 * varied.length;
  const out = await evaluateInBatches(evaluate, paths.length, rows, (row, u) => {
    u.fill(0.5);
    if (row > 0) u[varied[(row - 1) >> 1] as number] = row % 2 === 1 ? 0.1 : 0.9;
  });
  const bars: TornadoBar[] = varied.map((i, j) => {
    const low = out[2 * j + 1] as number;
    const high = out[2 * j + 2] as number;
    return { path: paths[i] as string, low, high, swing: Math.abs(high - low) };
  });
  bars.sort((a, b) => b.swing - a.swing || a.path.localeCompare(b.path));
  return { base: out[0] as number, bars, runs: rows };
}
