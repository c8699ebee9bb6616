import type { DistSpec, Distribution } from "./types.js";

/** The distributions with closed-form quantiles and no numerics worth a file of their own. */
export function makeFixed(spec: Extract<DistSpec, { dist: "fixed" }>): Distribution {
  const { value } = spec;
  if (!Number.isFinite(value)) throw new Error(`fixed: value must be finite, got ${value}`);
  const quantile = (_u: number) => value;
  return { spec, mean: value, support: [value, value], quantile, quantileInto: (us, i, out) => void (out[i] = quantile(us[i] as number)) };
}

export function makeUniform(spec: Extract<DistSpec, { dist: "uniform" }>): Distribution {
  const { min, max } = spec;
  if (!(min < max)) throw new Error(`uniform: needs min < max, got ${min}, ${max}`);
  const width = max - min;
  const quantile = (u: number) => min + u * width;
  return { spec, mean: (min + max) / 2, support: [min, max], quantile, quantileInto: (us, i, out) => void (out[i] = quantile(us[i] as number)) };
}

/** Triangular on [min, max] with its peak at mode: F(x) is piecewise quadratic, so its inverse is two square roots. */
export function makeTriangular(spec: Extract<DistSpec, { dist: "triangular" }>): Distribution {
  const { min: a, mode: c, max: b } = spec;
  if (!(a < b) || c < a || c > b) throw new Error(`triangular: needs min <= mode <= max and min < max, got ${a}, ${c}, ${b}`);
  const split = (c - a) / (b - a);
  const left = (b - a) * (c - a);
  const right = (b - a) * (b - c);
  const quantile = (u: number) => (u < split ? a + Math.sqrt(u * left) : b - Math.sqrt((1 - u) * right));
  return { spec, mean: (a + b + c) / 3, support: [a, b], quantile, quantileInto: (us, i, out) => void (out[i] = quantile(us[i] as number)) };
}

/** 1 with probability p, else 0; higher u gives the higher value. */
export function makeBernoulli(spec: Extract<DistSpec, { dist: "bernoulli" }>): Distribution {
  const { p } = spec;
  if (!(p >= 0 && p <= 1)) throw new Error(`bernoulli: p must be in [0, 1], got ${p}`);
  const quantile = (u: number) => (u > 1 - p ? 1 : 0);
  return { spec, mean: p, support: [p === 1 ? 1 : 0, p === 0 ? 0 : 1], quantile, quantileInto: (us, i, out) => void (out[i] = quantile(us[i] as number)) };
}

/** A discrete choice among values with weights, in the order given (so the quantile is monotone in that order). */
export function makeChoice(spec: Extract<DistSpec, { dist: "choice" }>): Distribution {
  const { values, weights } = spec;
  if (values.length === 0 || values.length !== weights.length) throw new Error("choice: needs as many weights as values");
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0) || weights.some((w) => !(w >= 0))) throw new Error("choice: weights must be non-negative with a positive sum");
  const cumulative = new Float64Array(values.length);
  let acc = 0;
  weights.forEach((w, i) => {
    acc += w / total;
    cumulative[i] = acc;
  });
  const last = values.length - 1;
  const vals = Float64Array.from(values);
  const quantile = (u: number) => {
    for (let i = 0; i < last; i++) if (u <= (cumulative[i] as number)) return vals[i] as number;
    return vals[last] as number;
  };
  return {
    spec,
    mean: values.reduce((s, v, i) => s + (v * (weights[i] as number)) / total, 0),
    support: [Math.min(...values), Math.max(...values)],
    quantile,
    quantileInto: (us, i, out) => void (out[i] = quantile(us[i] as number)),
  };
}
