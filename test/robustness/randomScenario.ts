import { makeDistribution, overrideValue, type Override, type ResolvedScenario } from "@chipsim/core";
import { builtinIds } from "@chipsim/scenarios";
import fc from "fast-check";
import { resolve } from "../helpers/scenario.js";

/**
 * Random valid scenarios: a built-in scenario with a few parameters set, the
 * way `--set` would, to values inside their range. A value is the
 * parameter's own distribution at a random quantile, or an end of its
 * documented range (spec min or max), or a narrow uniform between two of its
 * quantiles (for plain numbers and fractions, which need no unit).
 */
export interface ScenarioCase {
  readonly base: string;
  readonly overrides: Override[];
  readonly seed: number;
  readonly runs: number;
}

type Shape = "quantile" | "rangeMin" | "rangeMax" | "narrow";
interface Pick {
  readonly param: number;
  readonly u: number;
  readonly width: number;
  readonly shape: Shape;
}

const resolvedBases = new Map<string, ResolvedScenario>();
function baseScenario(id: string): ResolvedScenario {
  let scenario = resolvedBases.get(id);
  if (!scenario) {
    scenario = resolve(id);
    resolvedBases.set(id, scenario);
  }
  return scenario;
}

function overrideOf(scenario: ResolvedScenario, pick: Pick): Override {
  const param = scenario.params[pick.param % scenario.params.length];
  if (!param) throw new Error("scenario without parameters");
  const dist = makeDistribution(param.dist);
  const { spec } = param;
  const at = (u: number) => dist.quantile(Math.min(0.999, Math.max(0.001, u)));
  let value: number;
  if (pick.shape === "rangeMin" && spec.min !== undefined) value = spec.min;
  else if (pick.shape === "rangeMax" && spec.max !== undefined) value = spec.max;
  else if (pick.shape === "narrow" && (spec.kind === "fraction" || (spec.kind === "quantity" && spec.unit === "1"))) {
    const lo = at(pick.u);
    const hi = at(pick.u + pick.width);
    if (hi > lo) return { path: param.path, value: { dist: "uniform", min: lo, max: hi } };
    value = lo;
  } else value = at(pick.u);
  return { path: param.path, value: overrideValue(param, value) };
}

export function scenarioCases(): fc.Arbitrary<ScenarioCase> {
  const pick = fc.record({
    param: fc.nat(),
    u: fc.double({ min: 0, max: 1, noNaN: true }),
    width: fc.double({ min: 0, max: 0.3, noNaN: true }),
    shape: fc.constantFrom<Shape>("quantile", "quantile", "rangeMin", "rangeMax", "narrow"),
  });
  return fc
    .record({
      base: fc.constantFrom(...builtinIds()),
      picks: fc.array(pick, { minLength: 1, maxLength: 6 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      runs: fc.integer({ min: 20, max: 40 }),
    })
    .map(({ base, picks, seed, runs }) => {
      const scenario = baseScenario(base);
      return { base, overrides: picks.map((p) => overrideOf(scenario, p)), seed, runs };
    });
}
