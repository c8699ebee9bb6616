import type { MetricDef, MonteCarloAggregate } from "@chipsim/core";
import { didYouMean, START_YEAR } from "@chipsim/core";
import { UsageError } from "./usageError.js";

/**
 * `--target-se metric[@year]=bound`: stop once the standard error of the
 * metric's mean (in that year, or in every year) is at most the bound, an
 * absolute value or a percentage of the mean ("2%").
 */
export interface TargetSe {
  readonly metric: string;
  readonly year?: number;
  readonly bound: number;
  readonly relative: boolean;
}

export function parseTargetSe(text: string): TargetSe {
  const m = /^([a-zA-Z][\w.-]*)(?:@(\d{4}))?=([0-9.eE+-]+)(%?)$/.exec(text.trim());
  if (!m) throw new UsageError(`--target-se ${text}: expected metric[@year]=bound, e.g. accelerators.domestic@2030=2% or compute.installedH100e=5000`);
  const [, metric, year, bound, percent] = m as unknown as [string, string, string | undefined, string, string];
  const value = Number(bound);
  if (!(value > 0)) throw new UsageError(`--target-se ${text}: expected a bound above 0, found ${bound}${percent}`);
  return { metric, ...(year !== undefined ? { year: Number(year) } : {}), bound: percent ? value / 100 : value, relative: percent === "%" };
}

/** The series (metric-year indices) each target watches; errors for unknown metrics or years. */
export function targetSeries(targets: readonly TargetSe[], metrics: readonly MetricDef[], years: number): { series: number[]; target: TargetSe }[] {
  return targets.map((t) => {
    const m = metrics.findIndex((d) => d.id === t.metric);
    if (m < 0) throw new UsageError(`--target-se: expected a metric id (see summary.json), found "${t.metric}"${didYouMean(t.metric, metrics.map((d) => d.id))}`);
    if (t.year !== undefined && (t.year < START_YEAR || t.year >= START_YEAR + years)) {
      throw new UsageError(`--target-se: expected a year from ${START_YEAR} to ${START_YEAR + years - 1}, found ${t.year}`);
    }
    const ys = t.year !== undefined ? [t.year - START_YEAR] : Array.from({ length: years }, (_, y) => y);
    return { series: ys.map((y) => m * years + y), target: t };
  });
}

export function targetsMet(aggregate: MonteCarloAggregate, done: number, watched: ReturnType<typeof targetSeries>): boolean {
  return watched.every(({ series, target }) =>
    series.every((s) => {
      const { mean, seMean } = aggregate.seMeanSoFar(s, done);
      return seMean <= (target.relative ? target.bound * Math.abs(mean) : target.bound);
    }),
  );
}
