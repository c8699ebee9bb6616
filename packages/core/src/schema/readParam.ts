import type { DistSpec } from "../distributions/types.js";
import { lognormalFromMoments, lognormalFromPercentiles } from "../distributions/lognormal.js";
import { parseDateInterval } from "../time/index.js";
import { supportOf } from "../distributions/support.js";
import { describeFound } from "../units/index.js";
import {
  COMMON_KEYS,
  DIST_FIELDS,
  DIST_KINDS,
  PERCENTILE_KEYS,
  percentileProbability,
  type PercentileKey,
} from "./distributionFields.js";
import type { ParamSpec } from "./paramSpec.js";
import { readSpread, readValue } from "./readValue.js";
import { closestName } from "../closestName.js";

export interface ParamIssue {
  /** Path below the parameter, e.g. ["max"]; empty for the parameter itself. */
  readonly path: readonly (string | number)[];
  readonly expected: string;
  readonly found: string;
  /** The known name closest to a misspelt field or distribution. */
  readonly suggestion?: string;
}

export type ParamRead = { ok: true; dist: DistSpec } | { ok: false; issues: ParamIssue[] };

type Fields = Record<string, unknown>;

/**
 * Turns what a scenario file says about one parameter into a distribution
 * in canonical units, checked against the parameter's kind and bounds.
 * Accepted shapes: a bare value (`5 GW`, `0.4`, `2028Q3`), `{value: ...}`,
 * a half year for dates (`2026H1`, uniform over the half), or a
 * distribution `{dist: pert, min: ..., mode: ..., max: ...}`; objects may
 * also carry `unit`, `source`, `assumption` and `note`.
 */
export function readParam(raw: unknown, spec: ParamSpec): ParamRead {
  if (raw === undefined || raw === null) {
    return fail([], expectedShape(spec), describeFound(raw));
  }
  if (typeof raw !== "object") return readPoint(raw, spec, undefined, []);
  if (Array.isArray(raw)) return fail([], expectedShape(spec), "a list");
  const fields = raw as Fields;
  const unit = fields["unit"];
  if (unit !== undefined && typeof unit !== "string") return fail(["unit"], "a unit such as \"GW\"", describeFound(unit));
  if ("dist" in fields) return readDistribution(fields, spec, unit);
  if ("value" in fields) {
    const unknown = Object.keys(fields).filter((k) => !(COMMON_KEYS as readonly string[]).includes(k));
    if (unknown.length > 0) {
      const key = unknown[0] as string;
      return fail([key], `only value, unit, source, assumption, claim and note beside a value`, `field "${key}"`, closestName(key, COMMON_KEYS));
    }
    return readPoint(fields["value"], spec, unit, ["value"]);
  }
  return fail([], expectedShape(spec), `an object with neither "value" nor "dist" (fields: ${Object.keys(fields).join(", ") || "none"})`);
}

function readPoint(raw: unknown, spec: ParamSpec, unit: string | undefined, path: (string | number)[]): ParamRead {
  if (spec.kind === "date") {
    const half = parseDateInterval(raw);
    if (half) return checked({ dist: "uniform", min: half.from, max: half.to }, spec, path);
  }
  const read = readValue(raw, spec, unit);
  if (!read.ok) return fail(path, read.expected, read.found);
  return checked({ dist: "fixed", value: read.value }, spec, path);
}

function readDistribution(fields: Fields, spec: ParamSpec, unit: string | undefined): ParamRead {
  const kind = fields["dist"];
  if (typeof kind !== "string" || !(DIST_KINDS as string[]).includes(kind)) {
    return fail(["dist"], `one of ${DIST_KINDS.join(", ")}`, describeFound(kind), typeof kind === "string" ? closestName(kind, DIST_KINDS) : undefined);
  }
  const allowed = DIST_FIELDS[kind as DistSpec["dist"]];
  for (const key of Object.keys(fields)) {
    if (key === "value" && kind !== "fixed") return fail([key], `the fields of a ${kind} distribution (${allowed.join(", ")})`, `field "value"`);
    if (!allowed.includes(key) && !(COMMON_KEYS as readonly string[]).includes(key)) {
      const unused = [...allowed, ...COMMON_KEYS].filter((k) => !(k in fields));
      return fail([key], `the fields of a ${kind} distribution (${allowed.join(", ")})`, `field "${key}"`, closestName(key, unused));
    }
  }
  const reader = new FieldReader(fields, spec, unit);
  const dist = buildDistribution(kind as DistSpec["dist"], reader, spec);
  if (reader.issues.length > 0 || dist === undefined) return { ok: false, issues: reader.issues };
  return checked(dist, spec, []);
}

function buildDistribution(kind: DistSpec["dist"], r: FieldReader, spec: ParamSpec): DistSpec | undefined {
  switch (kind) {
    case "fixed": {
      const value = r.value("value");
      return value === undefined ? undefined : { dist: "fixed", value };
    }
    case "uniform": {
      const min = r.value("min");
      const max = r.value("max");
      if (min === undefined || max === undefined) return undefined;
      if (!(min < max)) return r.problem(["max"], `max greater than min (${min})`, String(max));
      return { dist: "uniform", min, max };
    }
    case "triangular":
    case "pert": {
      const min = r.value("min");
      const mode = r.value("mode");
      const max = r.value("max");
      const lambda = kind === "pert" ? r.optionalNumber("lambda", 4) : 4;
      if (min === undefined || mode === undefined || max === undefined || lambda === undefined) return undefined;
      if (!(min < max)) return r.problem(["max"], `max greater than min (${min})`, String(max));
      if (mode < min || mode > max) return r.problem(["mode"], `a mode between min (${min}) and max (${max})`, String(mode));
      if (kind === "triangular") return { dist: "triangular", min, mode, max };
      if (!(lambda > 0)) return r.problem(["lambda"], "a positive lambda", String(lambda));
      return { dist: "pert", min, mode, max, lambda };
    }
    case "normal": {
      const mean = r.value("mean");
      const sd = r.spread("sd");
      const min = r.has("min") ? r.value("min") : undefined;
      const max = r.has("max") ? r.value("max") : undefined;
      if (mean === undefined || sd === undefined) return undefined;
      if (!(sd > 0)) return r.problem(["sd"], "a positive standard deviation", String(sd));
      if ((r.has("min") && min === undefined) || (r.has("max") && max === undefined)) return undefined;
      if (min !== undefined && max !== undefined && !(min < max)) {
        return r.problem(["max"], `max greater than min (${min})`, String(max));
      }
      return { dist: "normal", mean, sd, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case "lognormal":
      return readLognormal(r, spec);
    case "beta": {
      const alpha = r.number("alpha");
      const beta = r.number("beta");
      const min = r.has("min") ? r.value("min") : spec.min;
      const max = r.has("max") ? r.value("max") : spec.max;
      if (alpha === undefined || beta === undefined) return undefined;
      if (!(alpha > 0)) return r.problem(["alpha"], "a positive alpha", String(alpha));
      if (!(beta > 0)) return r.problem(["beta"], "a positive beta", String(beta));
      if (min === undefined || max === undefined || !Number.isFinite(min) || !Number.isFinite(max)) {
        return r.problem([], "min and max for a beta distribution on a parameter without finite bounds", "none given");
      }
      if (!(min < max)) return r.problem(["max"], `max greater than min (${min})`, String(max));
      return { dist: "beta", alpha, beta, min, max };
    }
    case "bernoulli": {
      const p = r.number("p");
      if (p === undefined) return undefined;
      if (!(p >= 0 && p <= 1)) return r.problem(["p"], "a probability between 0 and 1", String(p));
      return { dist: "bernoulli", p };
    }
    case "choice":
      return readChoice(r);
  }
}

function readLognormal(r: FieldReader, spec: ParamSpec): DistSpec | undefined {
  if (spec.kind === "date") return r.problem(["dist"], "a distribution that suits dates (uniform, normal, triangular, pert, choice)", "lognormal");
  const percentiles = PERCENTILE_KEYS.filter((k) => r.has(k));
  if (r.has("mean") || r.has("sd")) {
    if (percentiles.length > 0) return r.problem([percentiles[0] as string], "either mean and sd, or two percentiles, not both", "both");
    const mean = r.value("mean");
    const sd = r.value("sd");
    if (mean === undefined || sd === undefined) return undefined;
    if (!(mean > 0)) return r.problem(["mean"], "a positive mean", String(mean));
    if (!(sd > 0)) return r.problem(["sd"], "a positive standard deviation", String(sd));
    return { dist: "lognormal", ...lognormalFromMoments(mean, sd) };
  }
  if (percentiles.length !== 2) {
    return r.problem([], "mean and sd, or exactly two percentiles (e.g. p5 and p95)", `${percentiles.length} percentiles`);
  }
  const [a, b] = percentiles as [PercentileKey, PercentileKey];
  const xa = r.value(a);
  const xb = r.value(b);
  if (xa === undefined || xb === undefined) return undefined;
  if (!(xa > 0)) return r.problem([a], "a positive value", String(xa));
  if (!(xb > xa)) return r.problem([b], `a value greater than ${a} (${xa})`, String(xb));
  return { dist: "lognormal", ...lognormalFromPercentiles(percentileProbability(a), xa, percentileProbability(b), xb) };
}

function readChoice(r: FieldReader): DistSpec | undefined {
  const rawValues = r.raw("values");
  if (!Array.isArray(rawValues) || rawValues.length === 0) {
    return r.problem(["values"], "a non-empty list of values", describeFound(rawValues));
  }
  const values: number[] = [];
  rawValues.forEach((v, i) => {
    const read = r.valueOf(v, ["values", i]);
    if (read !== undefined) values.push(read);
  });
  let weights: number[] = rawValues.map(() => 1);
  if (r.has("weights")) {
    const rawWeights = r.raw("weights");
    if (!Array.isArray(rawWeights) || rawWeights.length !== rawValues.length) {
      return r.problem(["weights"], `a list of ${rawValues.length} weights, one per value`, describeFound(rawWeights));
    }
    weights = [];
    rawWeights.forEach((w, i) => {
      if (typeof w !== "number" || !(w >= 0) || !Number.isFinite(w)) r.problem(["weights", i], "a non-negative number", describeFound(w));
      else weights.push(w);
    });
    if (weights.length === rawWeights.length && !(weights.reduce((s, w) => s + w, 0) > 0)) {
      return r.problem(["weights"], "weights with a positive sum", "weights summing to 0");
    }
  }
  if (values.length !== rawValues.length || weights.length !== rawValues.length) return undefined;
  return { dist: "choice", values, weights };
}

/** Checks the distribution against the parameter's kind and bounds. */
function checked(dist: DistSpec, spec: ParamSpec, path: (string | number)[]): ParamRead {
  const [lo, hi] = supportOf(dist);
  const min = spec.min ?? -Infinity;
  const max = spec.max ?? Infinity;
  if (lo < min || hi > max) {
    const range = `values in [${fmt(min)}, ${fmt(max)}]${spec.unit !== "1" && spec.kind === "quantity" ? ` ${spec.unit}` : ""}`;
    const found =
      dist.dist === "fixed"
        ? fmt(dist.value)
        : `a ${dist.dist} distribution reaching ${lo < min ? fmt(lo) : fmt(hi)}${
            dist.dist === "normal" || dist.dist === "lognormal" ? " (add min/max to truncate a normal, or pick a bounded distribution)" : ""
          }`;
    return fail(path, range, found);
  }
  if (spec.kind === "integer") {
    const values = dist.dist === "fixed" ? [dist.value] : dist.dist === "choice" ? dist.values : dist.dist === "bernoulli" ? [0, 1] : undefined;
    if (!values) return fail(path, "a whole number, or a choice of whole numbers", `a ${dist.dist} distribution`);
    const bad = values.find((v) => !Number.isInteger(v));
    if (bad !== undefined) return fail(path, "a whole number", fmt(bad));
  }
  return { ok: true, dist };
}


function expectedShape(spec: ParamSpec): string {
  const example =
    spec.kind === "date" ? '2028Q3' : spec.kind === "duration" ? '"4Q"' : spec.kind === "fraction" ? "0.4" : spec.unit === "1" ? "1.5" : `"5 ${spec.unit}"`;
  return `a value (e.g. ${example}) or a distribution ({dist: ..., ...})`;
}

function fail(path: (string | number)[], expected: string, found: string, suggestion?: string): ParamRead {
  return { ok: false, issues: [{ path, expected, found, ...(suggestion !== undefined ? { suggestion } : {}) }] };
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? "infinity" : "-infinity";
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/** Reads the fields of one distribution object, collecting issues. */
class FieldReader {
  readonly issues: ParamIssue[] = [];
  constructor(
    private readonly fields: Fields,
    private readonly spec: ParamSpec,
    private readonly unit: string | undefined,
  ) {}

  has(key: string): boolean {
    return this.fields[key] !== undefined;
  }

  raw(key: string): unknown {
    return this.fields[key];
  }

  value(key: string): number | undefined {
    return this.valueOf(this.fields[key], [key]);
  }

  valueOf(raw: unknown, path: (string | number)[]): number | undefined {
    if (raw === undefined) return this.missing(path);
    const read = readValue(raw, this.spec, this.unit);
    if (read.ok) return read.value;
    this.issues.push({ path, expected: read.expected, found: read.found });
    return undefined;
  }

  spread(key: string): number | undefined {
    const raw = this.fields[key];
    if (raw === undefined) return this.missing([key]);
    const read = readSpread(raw, this.spec, this.unit);
    if (read.ok) return read.value;
    this.issues.push({ path: [key], expected: read.expected, found: read.found });
    return undefined;
  }

  /** A shape argument: a plain number, never a unit. */
  number(key: string): number | undefined {
    const raw = this.fields[key];
    if (raw === undefined) return this.missing([key]);
    if (typeof raw === "number" && Number.isFinite(raw)) return raw;
    this.issues.push({ path: [key], expected: "a number", found: describeFound(raw) });
    return undefined;
  }

  optionalNumber(key: string, fallback: number): number | undefined {
    return this.has(key) ? this.number(key) : fallback;
  }

  problem(path: (string | number)[], expected: string, found: string): undefined {
    this.issues.push({ path, expected, found });
    return undefined;
  }

  private missing(path: (string | number)[]): undefined {
    this.issues.push({ path, expected: "this field", found: "nothing" });
    return undefined;
  }
}
