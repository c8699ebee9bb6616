import { describe, expect, it } from "vitest";
import type { ParamSpec } from "./paramSpec.js";
import { readParam } from "./readParam.js";

const power: ParamSpec = { kind: "quantity", unit: "GW", min: 0, description: "power" };
const share: ParamSpec = { kind: "fraction", unit: "1", min: 0, max: 1, description: "share" };
const when: ParamSpec = { kind: "date", unit: "quarter", description: "date" };
const count: ParamSpec = { kind: "integer", unit: "1", min: 1, description: "count" };

describe("readParam", () => {
  it("reads point values in every written form", () => {
    expect(readParam("5 GW", power)).toEqual({ ok: true, dist: { dist: "fixed", value: 5 } });
    expect(readParam({ value: "500 MW", source: "x" }, power)).toEqual({ ok: true, dist: { dist: "fixed", value: 0.5 } });
    expect(readParam({ value: 5, unit: "GW" }, power)).toEqual({ ok: true, dist: { dist: "fixed", value: 5 } });
    expect(readParam("2026H1", when)).toEqual({ ok: true, dist: { dist: "uniform", min: 8, max: 10 } });
  });

  it("reads distributions with units per field or for the object", () => {
    expect(readParam({ dist: "uniform", min: "2 GW", max: "4 GW" }, power)).toEqual({ ok: true, dist: { dist: "uniform", min: 2, max: 4 } });
    expect(readParam({ dist: "pert", min: 2028, mode: "2030Q1", max: "2033Q4" }, when)).toEqual({
      ok: true,
      dist: { dist: "pert", min: 16, mode: 24, max: 39, lambda: 4 },
    });
    const lognormal = readParam({ dist: "lognormal", p5: 2, p95: 8, unit: "GW" }, power);
    expect(lognormal.ok && lognormal.dist.dist).toBe("lognormal");
    expect(readParam({ dist: "choice", values: [6, 8], weights: [0.3, 0.7] }, count)).toEqual({
      ok: true,
      dist: { dist: "choice", values: [6, 8], weights: [0.3, 0.7] },
    });
  });

  it("refuses values outside the parameter's bounds", () => {
    expect(readParam(1.2, share)).toEqual({ ok: false, issues: [{ path: [], expected: "values in [0, 1]", found: "1.2" }] });
    const normal = readParam({ dist: "normal", mean: "5 GW", sd: "2 GW" }, power);
    expect(!normal.ok && normal.issues[0]?.found).toMatch(/a normal distribution reaching -infinity/);
    expect(readParam({ dist: "normal", mean: "5 GW", sd: "2 GW", min: "0 GW" }, power).ok).toBe(true);
  });

  it("says which field of a distribution is wrong", () => {
    expect(readParam({ dist: "uniform", min: "4 GW", max: "2 GW" }, power)).toEqual({
      ok: false,
      issues: [{ path: ["max"], expected: "max greater than min (4)", found: "2" }],
    });
    expect(readParam({ dist: "pert", min: 1, mod: 2, max: 3 }, share)).toEqual({
      ok: false,
      issues: [{ path: ["mod"], expected: "the fields of a pert distribution (min, mode, max, lambda)", found: 'field "mod"', suggestion: "mode" }],
    });
    expect(readParam({ dist: "weibull" }, share)).toEqual({
      ok: false,
      issues: [{ path: ["dist"], expected: "one of fixed, uniform, normal, lognormal, triangular, pert, beta, bernoulli, choice", found: '"weibull"' }],
    });
    expect(readParam({ dist: "uniform", min: "2 km", max: "4 GW" }, power)).toEqual({
      ok: false,
      issues: [{ path: ["min"], expected: 'a quantity convertible to GW (e.g. "5 GW")', found: '"2 km", which is not convertible to GW' }],
    });
  });

  it("keeps integers whole", () => {
    expect(readParam(2.5, count).ok).toBe(false);
    expect(readParam({ dist: "uniform", min: 1, max: 3 }, count).ok).toBe(false);
  });
});
