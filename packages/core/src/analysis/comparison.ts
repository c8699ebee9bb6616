import type { CompiledModel } from "../model/compileModel.js";
import { MonteCarloAggregate } from "../montecarlo/aggregate.js";
import { runOnce, type RunMilestones } from "../montecarlo/runOnce.js";
import { RunRecorder } from "../metrics/runRecorder.js";
import { jobKey, runKey } from "../random/seed.js";
import { SeriesStore, type SeriesSummary } from "../stats/seriesStore.js";
import { chooseStoreMode, DEFAULT_MEMORY_BOUND_BYTES } from "../stats/storeMode.js";
import { summarize, type Summary } from "../export/summary.js";
import { START_YEAR } from "../time/index.js";

/**
 * Several scenarios run side by side with common random numbers: run i of
 * every scenario draws from the same (seed, i) streams, so each run gives a
 * paired difference. The difference B - A has its own distribution, and
 * P(B > A) is the share of runs where B is higher: far more telling than
 * comparing two separate bands.
 */
export interface DiffSummary {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  /** Share of runs in which the later scenario is higher (ties count as not higher). */
  readonly pGreater: number;
}

export interface ComparisonSummary {
  readonly scenarios: readonly string[];
  readonly runs: number;
  readonly seed: number | string;
  /** Per metric and year: each scenario's statistics, and a diff per pair keyed "B - A". */
  readonly metrics: Record<string, Record<string, Record<string, SeriesSummary | Record<string, DiffSummary>>>>;
  /** Each scenario's full summary (bottlenecks, milestones, precision). */
  readonly summaries: Record<string, Summary>;
}

interface Pair {
  readonly a: number;
  readonly b: number;
  readonly key: string;
  readonly stores: SeriesStore[];
  readonly greater: Float64Array;
}

export function compareScenarios(
  models: readonly CompiledModel[],
  options: { readonly runs: number; readonly seed: number | string; readonly onProgress?: (done: number, total: number) => void },
): ComparisonSummary {
  const { runs, seed } = options;
  const ids = models.map((m) => m.scenario.meta.id);
  const years = Math.min(...models.map((m) => Math.ceil(m.world.layout.quarters / 4)));
  // Metrics every scenario has (a scenario may add or remove designs).
  const common = models[0]!.metrics.map((m) => m.id).filter((id) => models.every((model) => model.metrics.some((d) => d.id === id)));
  const indexIn = models.map((model) => common.map((id) => model.metrics.findIndex((d) => d.id === id)));

  const pairs: Pair[] = [];
  for (let a = 0; a < models.length; a++) for (let b = a + 1; b < models.length; b++) pairs.push({ a, b, key: `${ids[b]} - ${ids[a]}`, stores: [], greater: new Float64Array(common.length * years) });
  const totalSeries = models.reduce((n, m) => n + m.metrics.length * years, 0) + pairs.length * common.length * years;
  const mode = chooseStoreMode(runs, totalSeries, DEFAULT_MEMORY_BOUND_BYTES);
  for (const pair of pairs) for (let s = 0; s < common.length * years; s++) pair.stores.push(new SeriesStore(mode, runs));

  const recorders = models.map((m) => new RunRecorder(m.metrics, m.observables.list, m.scenario.meta.id, m.world.layout.quarters, m.world.layout.designs));
  const aggregates = models.map((m, k) => new MonteCarloAggregate(mode, runs, m.metrics.length, recorders[k]!.years, m.world.layout.designs));
  const milestones: RunMilestones[] = models.map(() => ({ euvReadyYear: Infinity, supplyMetDemandYear: Infinity }));
  const key = jobKey(seed);
  const words = new Uint32Array(2);
  const every = Math.max(1, Math.floor(runs / 100));
  for (let run = 0; run < runs; run++) {
    runKey(key, run, words);
    models.forEach((model, k) => {
      model.table.draw(words[0] as number, words[1] as number, model.world.params);
      runOnce(model, run, recorders[k]!, milestones[k]!);
      aggregates[k]!.addRun(run, recorders[k]!, milestones[k]!.euvReadyYear, milestones[k]!.supplyMetDemandYear);
    });
    for (const pair of pairs) {
      const va = recorders[pair.a]!.values;
      const vb = recorders[pair.b]!.values;
      const ya = recorders[pair.a]!.years;
      const yb = recorders[pair.b]!.years;
      for (let c = 0; c < common.length; c++) {
        const ma = indexIn[pair.a]![c] as number;
        const mb = indexIn[pair.b]![c] as number;
        for (let y = 0; y < years; y++) {
          const d = (vb[mb * yb + y] as number) - (va[ma * ya + y] as number);
          const s = c * years + y;
          if (mode === "exact") pair.stores[s]!.set(run, d);
          else pair.stores[s]!.add(d);
          if (d > 0) pair.greater[s] = (pair.greater[s] as number) + 1;
        }
      }
    }
    if (options.onProgress && (run + 1) % every === 0) options.onProgress(run + 1, runs);
  }

  const summaries: Record<string, Summary> = {};
  models.forEach((m, k) => (summaries[ids[k] as string] = summarize(m, aggregates[k]!, seed)));
  const metrics: ComparisonSummary["metrics"] = {};
  common.forEach((metric, c) => {
    const byYear: Record<string, Record<string, SeriesSummary | Record<string, DiffSummary>>> = {};
    for (let y = 0; y < years; y++) {
      const year = String(START_YEAR + y);
      const entry: Record<string, SeriesSummary | Record<string, DiffSummary>> = {};
      for (const id of ids) entry[id] = summaries[id]!.metrics[metric]![year]!;
      const diff: Record<string, DiffSummary> = {};
      for (const pair of pairs) {
        const s = pair.stores[c * years + y]!.summary();
        diff[pair.key] = { p5: s.p5, p50: s.p50, p95: s.p95, mean: s.mean, pGreater: (pair.greater[c * years + y] as number) / runs };
      }
      entry["diff"] = diff;
      byYear[year] = entry;
    }
    metrics[metric] = byYear;
  });
  return { scenarios: ids, runs, seed, metrics, summaries };
}
