import { makeDistribution } from "../distributions/make.js";
import type { DistSpec } from "../distributions/types.js";
import type { Param } from "../schema/param.js";
import { formatPosition } from "../time/index.js";
import { exp } from "../math/fdlibm.js";

/** A parameter as `chipsim show` lists it: its distribution in words, spread, unit and provenance. */
export interface ParamDescription {
  readonly path: string;
  readonly description: string;
  readonly kind: string;
  readonly unit: string;
  readonly distribution: string;
  readonly p5: number | string;
  readonly p50: number | string;
  readonly p95: number | string;
  readonly source?: string;
  readonly assumption?: string;
  readonly claim?: string;
  readonly note?: string;
  readonly file: string;
}

export function describeParam(param: Param): ParamDescription {
  const spec = param.spec;
  const dist = makeDistribution(param.dist);
  const shown = (x: number): number | string => (spec.kind === "date" ? formatPosition(x) : round(x));
  const unit = spec.kind === "date" ? "date" : spec.kind === "duration" ? "quarter" : spec.unit === "1" ? "" : spec.unit;
  const { source, assumption, claim, note, file } = param.provenance;
  return {
    path: param.path,
    description: spec.description,
    kind: spec.kind,
    unit,
    distribution: describeDist(param.dist, shown),
    p5: shown(dist.quantile(0.05)),
    p50: shown(dist.quantile(0.5)),
    p95: shown(dist.quantile(0.95)),
    ...(source !== undefined ? { source } : {}),
    ...(assumption !== undefined ? { assumption } : {}),
    ...(claim !== undefined ? { claim } : {}),
    ...(note !== undefined ? { note } : {}),
    file,
  };
}

function describeDist(d: DistSpec, v: (x: number) => number | string): string {
  switch (d.dist) {
    case "fixed":
      return String(v(d.value));
    case "uniform":
      return `uniform(${v(d.min)}, ${v(d.max)})`;
    case "normal":
      return `normal(mean ${v(d.mean)}, sd ${round(d.sd)}${d.min !== undefined ? `, min ${v(d.min)}` : ""}${d.max !== undefined ? `, max ${v(d.max)}` : ""})`;
    case "lognormal":
      return `lognormal(median ${v(exp(d.mu))}, sigma ${round(d.sigma)})`;
    case "triangular":
      return `triangular(${v(d.min)}, ${v(d.mode)}, ${v(d.max)})`;
    case "pert":
      return `pert(${v(d.min)}, ${v(d.mode)}, ${v(d.max)}${d.lambda !== 4 ? `, lambda ${d.lambda}` : ""})`;
    case "beta":
      return `beta(${round(d.alpha)}, ${round(d.beta)}) on [${v(d.min)}, ${v(d.max)}]`;
    case "bernoulli":
      return `bernoulli(${round(d.p)})`;
    case "choice":
      return `choice(${d.values.map((x, k) => `${v(x)}: ${round(d.weights[k] ?? 0)}`).join(", ")})`;
  }
}

/** Six significant figures; a million or more in exponent form (7e10 rather than 70000000000). */
function round(x: number): number | string {
  if (Math.abs(x) >= 1e6) return Number(x.toPrecision(6)).toExponential().replace("e+", "e").replace(/\.?0+e/, "e");
  return Number(x.toPrecision(6));
}
