import { compileModel, pairedEffect, perRunValues, median, QUARTERS_PER_YEAR, type PairedEffect, type PerRunValues } from "@chipsim/core";
import { variantChanges } from "../compareSides.js";
import { loadResolved } from "../scenarioInput.js";
import type { Behaviour, StockBound } from "./behaviours.js";

export interface BehaviourOptions {
  readonly runs: number;
  readonly seed: number;
  readonly cwd: string;
}

export interface BehaviourMeasurement extends PairedEffect {
  readonly behaviour: Behaviour;
  /** The unit of the metric (of the first, for a sum). */
  readonly unit: string;
  /** Share of runs that moved the expected way. */
  readonly shareExpected: number;
  /** The effect has the expected sign and at least the minimum size. */
  readonly holds: boolean;
}

export interface BoundMeasurement {
  readonly bound: StockBound;
  /** Median over runs of the stock in quarters of the year's flow. */
  readonly medianQuarters: number;
  /** Share of runs within the bound. */
  readonly shareWithin: number;
  readonly holds: boolean;
}

/** A scenario's runs, kept so that a base shared by many rows runs once. */
interface Side {
  readonly values: PerRunValues;
  readonly unitOf: (metric: string) => string;
}

/**
 * Measures behaviours on paired runs: the base scenario and the changed one
 * run with the same seed and runs, so run i of both drew the same numbers
 * wherever their parameters agree and the difference in run i is the
 * change's alone. Each base runs once, and each row is measured once
 * however often it is asked for (a test and the document share them).
 */
export class BehaviourRunner {
  private readonly bases = new Map<string, Side>();
  private readonly measured = new Map<Behaviour, BehaviourMeasurement>();

  constructor(readonly options: BehaviourOptions) {}

  measure(behaviour: Behaviour): BehaviourMeasurement {
    const known = this.measured.get(behaviour);
    if (known) return known;
    const id = behaviour.base ?? "baseline";
    const given = behaviour.given === undefined ? [] : variantChanges(behaviour.given);
    const base = this.base(id, given);
    const changed = this.side(id, [...given, ...variantChanges(behaviour.change)]);
    const effect = pairedEffect(sum(base.values, behaviour.metric, behaviour.year), sum(changed.values, behaviour.metric, behaviour.year));
    const up = behaviour.direction === "up";
    const signed = up ? effect.effect : -effect.effect;
    const measurement: BehaviourMeasurement = {
      ...effect,
      behaviour,
      unit: base.unitOf(metricsOf(behaviour.metric)[0] as string),
      shareExpected: up ? effect.shareHigher : effect.shareLower,
      holds: signed > 0 && signed >= behaviour.minSize,
    };
    this.measured.set(behaviour, measurement);
    return measurement;
  }

  bound(bound: StockBound): BoundMeasurement {
    const { values } = this.base(bound.base ?? "baseline");
    const stock = values(bound.metric, bound.year);
    const flow = sum(values, bound.flow, bound.year);
    // No stock is no quarters, even with no flow; a stock with no flow to clear it is infinitely many.
    const quarters = stock.map((s, i) => (s === 0 ? 0 : s / ((flow[i] as number) / QUARTERS_PER_YEAR)));
    const medianQuarters = median(quarters);
    const within = quarters.filter((q) => q <= bound.atMostQuarters).length;
    return { bound, medianQuarters, shareWithin: within / quarters.length, holds: medianQuarters <= bound.atMostQuarters };
  }

  private base(id: string, given: readonly string[] = []): Side {
    const key = [id, ...given].join("\n");
    let side = this.bases.get(key);
    if (!side) {
      side = this.side(id, given);
      this.bases.set(key, side);
    }
    return side;
  }

  private side(id: string, changes: readonly string[]): Side {
    const model = compileModel(loadResolved(id, changes, this.options.cwd));
    const units = new Map(model.metrics.map((m) => [m.id, m.unit]));
    return { values: perRunValues(model, { runs: this.options.runs, seed: this.options.seed }), unitOf: (metric) => units.get(metric) ?? "" };
  }
}

/** "a + b": the metrics a row names, summed run by run. */
function sum(values: PerRunValues, metric: string, year: number): Float64Array {
  const total = new Float64Array(values(metricsOf(metric)[0] as string, year).length);
  for (const m of metricsOf(metric)) {
    const v = values(m, year);
    for (let i = 0; i < total.length; i++) total[i] = (total[i] as number) + (v[i] as number);
  }
  return total;
}

function metricsOf(metric: string): string[] {
  return metric.split("+").map((m) => m.trim());
}
