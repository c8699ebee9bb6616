import type { Distribution } from "../distributions/types.js";
import type { ModelEvaluator } from "./evaluator.js";

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

export function tornado(evaluator: ModelEvaluator, paths: readonly string[], distributions: readonly Distribution[]): Tornado {
  const u = new Float64Array(paths.length).fill(0.5);
  const before = evaluator.runs;
  const base = evaluator.evaluate(u);
  const bars: TornadoBar[] = [];
  distributions.forEach((d, i) => {
    if (d.quantile(0.1) === d.quantile(0.9)) return;
    u[i] = 0.1;
    const low = evaluator.evaluate(u);
    u[i] = 0.9;
    const high = evaluator.evaluate(u);
    u[i] = 0.5;
    bars.push({ path: paths[i] as string, low, high, swing: Math.abs(high - low) });
  });
  bars.sort((a, b) => b.swing - a.swing || a.path.localeCompare(b.path));
  return { base, bars, runs: evaluator.runs - before };
}
