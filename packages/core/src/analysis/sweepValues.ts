import type { Param } from "../schema/param.js";
import { readValue } from "../schema/readValue.js";
import { positionToYear } from "../time/index.js";

/**
 * A parameter's value written back in scenario syntax, for an override: a
 * number in the parameter's canonical unit (a decimal year for dates,
 * whole numbers for integer parameters).
 */
export function overrideValue(param: Param, canonical: number): unknown {
  const { kind, unit } = param.spec;
  switch (kind) {
    case "date":
      return positionToYear(canonical);
    case "duration":
      return { value: canonical, unit: "quarter" };
    case "integer":
      return Math.round(canonical);
    case "fraction":
      return canonical;
    default:
      return unit === "1" ? canonical : { value: canonical, unit };
  }
}

/** One end of a swept range, written as in a scenario file ("10 kwpm", "2028Q3", "0.4"). */
export function readSweepValue(param: Param, text: string): { ok: true; value: number } | { ok: false; expected: string; found: string } {
  const numeric = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(text.trim());
  // A bare number is a year for dates and a count for counts; elsewhere readValue insists on a unit.
  return readValue(numeric && param.spec.kind === "date" ? Number(text) : text, param.spec);
}
