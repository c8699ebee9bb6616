import { describe, expect, it } from "vitest";
import { normalQuantile } from "../distributions/normal.js";
import { StreamRng } from "../random/streamRng.js";
import { DEFAULT_RELATIVE_ACCURACY, LogSketch } from "./logSketch.js";
import { quantileSorted, REPORTED_QUANTILES } from "./quantile.js";

const A = DEFAULT_RELATIVE_ACCURACY;

function sketchOf(xs: ArrayLike<number>, accuracy = A, maxBuckets?: number): LogSketch {
  const s = maxBuckets === undefined ? new LogSketch(accuracy) : new LogSketch(accuracy, maxBuckets);
  for (let i = 0; i < xs.length; i++) s.add(xs[i] as number);
  return s;
}

function draws(count: number, stream: number, f: (u: () => number) => number): Float64Array {
  const rng = new StreamRng();
  rng.reset(51, 52, stream);
  const u = () => rng.next();
  return Float64Array.from({ length: count }, () => f(u));
}

const normal = (u: () => number) => normalQuantile(u());

/** Probabilities to check: the reported ones, a fine grid, and the ends. */
const PROBABILITIES = [...REPORTED_QUANTILES, ...Array.from({ length: 101 }, (_, k) => k / 100), 0.001, 0.999];

/**
 * Checks the documented guarantee against the exact type-7 quantile:
 * |q - Q7| <= a ((1 - g) |x_j| + g |x_j+1|), which is a |Q7| when x_j and
 * x_j+1 are not of opposite signs. No slack is added for rounding: the
 * sketch keeps its own margin inside a.
 */
function expectGuarantee(xs: Float64Array, sketch: LogSketch, accuracy: number, aboveMagnitude = 0): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let worst = 0;
  for (const p of PROBABILITIES) {
    const h = (n - 1) * p;
    const j = Math.min(Math.floor(h), n - 1);
    const g = j === n - 1 ? 0 : h - j;
    const x0 = sorted[j] as number;
    const x1 = sorted[Math.min(j + 1, n - 1)] as number;
    if (Math.abs(x0) <= aboveMagnitude || (g > 0 && Math.abs(x1) <= aboveMagnitude)) continue;
    const exact = quantileSorted(sorted, p);
    const got = sketch.quantile(p);
    const bound = accuracy * ((1 - g) * Math.abs(x0) + g * Math.abs(x1));
    expect(Math.abs(got - exact), `p = ${p}: got ${got}, exact ${exact}`).toBeLessThanOrEqual(bound);
    if (x0 * x1 >= 0) expect(Math.abs(got - exact)).toBeLessThanOrEqual(accuracy * Math.abs(exact));
    if (exact !== 0) worst = Math.max(worst, Math.abs(got - exact) / Math.abs(exact));
  }
  return worst;
}

describe("LogSketch", () => {
  const cases: [string, Float64Array][] = [
    ["normal(100, 15)", draws(20_001, 1, (u) => 100 + 15 * normal(u))],
    ["lognormal over six decades", draws(20_001, 2, (u) => 1e4 * Math.exp(Math.LN10 * normal(u)))],
    ["zeros, negatives and positives", draws(20_001, 3, (u) => (u() < 0.3 ? 0 : u() < 0.5 ? -50 * Math.exp(normal(u)) : 2000 * Math.exp(normal(u))))],
    ["normal straddling zero", draws(5_000, 4, (u) => 3 + 10 * normal(u))],
    ["constant", new Float64Array(1000).fill(42.17)],
    ["two runs", Float64Array.from([5, -1])],
    ["one run", Float64Array.from([3.25])],
  ];

  it.each(cases)("stays within its relative accuracy of the exact type-7 quantiles: %s", (_name, xs) => {
    expectGuarantee(xs, sketchOf(xs), A);
  });

  it("is not slack: on dense data the error uses a good part of the allowance", () => {
    // If buckets were far narrower than promised the sketch would be wasting memory; if wider, the test above fails.
    const xs = cases[1]![1];
    expect(expectGuarantee(xs, sketchOf(xs), A)).toBeGreaterThan(A / 4);
  });

  it("keeps its guarantee at other accuracies", () => {
    const xs = cases[2]![1];
    // At a = 0.001 a decade takes about 1150 buckets, so the default cap folds the smallest
    // magnitudes here; the guarantee then holds above the reported magnitude.
    for (const a of [0.001, 0.02, 0.1]) {
      const sketch = sketchOf(xs, a);
      expectGuarantee(xs, sketch, a, sketch.accurateAbove);
    }
  });

  it("reads order statistics directly when (n - 1) p is whole: within a of x_(h)", () => {
    // n = 20001 and p = k / 100: h = 200 k exactly, so type 7 is the order statistic itself.
    const xs = cases[1]![1];
    const sorted = Float64Array.from(xs).sort();
    const sketch = sketchOf(xs);
    for (let k = 0; k <= 100; k++) {
      const x = sorted[200 * k] as number;
      expect(Math.abs(sketch.quantile(k / 100) - x)).toBeLessThanOrEqual(A * Math.abs(x));
    }
  });

  it("returns the exact extremes at p = 0 and p = 1, and works at both ends of the double range", () => {
    // 1e300 .. 1.8e308 is 8.3 decades: within the default cap, and the largest bucket's representative
    // lies above Number.MAX_VALUE, so the clamp to the exact max is what keeps it finite.
    const huge = Float64Array.from([Number.MAX_VALUE, -Number.MAX_VALUE / 3, 1e300, -1e305, Number.MAX_VALUE, 2e307]);
    const sketch = sketchOf(huge);
    expect(sketch.quantile(0)).toBe(-Number.MAX_VALUE / 3);
    expect(sketch.quantile(1)).toBe(Number.MAX_VALUE);
    expectGuarantee(huge, sketch, A);
    const tiny = Float64Array.from([2 ** -1022, 1e-307, -3e-300, 7e-302, 2 ** -1020]);
    expectGuarantee(tiny, sketchOf(tiny), A);
    // 5e-324 (subnormal) is below the zero threshold: counted as zero, then clamped to the exact min and max.
    expect(sketchOf([5e-324, 5e-324, 5e-324]).quantile(0.5)).toBe(5e-324);
    expect(sketchOf([-1, 5e-324, 5e-324, 5e-324, 2]).quantile(0.5)).toBe(0);
  });

  it("merges shards in any grouping into the same state as one pass", () => {
    const xs = cases[2]![1];
    const whole = sketchOf(xs);
    const text = JSON.stringify(whole);
    const shards = [0, 1, 2, 3].map((k) => sketchOf(xs.filter((_, i) => i % 4 === k)));
    const viaJson = shards.map((s) => LogSketch.fromJSON(JSON.parse(JSON.stringify(s))));
    const a = new LogSketch();
    for (const k of [3, 1, 0, 2]) a.merge(viaJson[k] as LogSketch);
    const [s0, s1, s2, s3] = shards as [LogSketch, LogSketch, LogSketch, LogSketch];
    s0.merge(s1);
    s2.merge(s3);
    s2.merge(s0);
    expect(JSON.stringify(a)).toBe(text);
    expect(JSON.stringify(s2)).toBe(text);
    for (const p of REPORTED_QUANTILES) expect(Object.is(s2.quantile(p), whole.quantile(p))).toBe(true);
  });

  it("caps its buckets, folding the smallest magnitudes, and says above what the guarantee holds", () => {
    // Magnitudes over 12 decades (1e-6 .. 1e6) need about 2760 buckets at a = 0.005; allow 500 per sign.
    const xs = draws(10_001, 5, (u) => (u() < 0.5 ? -1 : 1) * 10 ** (12 * u() - 6));
    const capped = sketchOf(xs, A, 500);
    const above = capped.accurateAbove;
    expect(above).toBeGreaterThan(1e-6);
    expect(above).toBeLessThan(1e6);
    expectGuarantee(xs, capped, A, above);
    // And the cap really cost accuracy below that magnitude (otherwise the report would be meaningless).
    const sorted = Float64Array.from(xs).sort();
    const n = sorted.length;
    const inFolded = PROBABILITIES.filter((p) => {
      const x = sorted[Math.round((n - 1) * p)] as number;
      return Number.isInteger((n - 1) * p) && x !== 0 && Math.abs(x) < above / 10 && Math.abs(capped.quantile(p) - x) > A * Math.abs(x);
    });
    expect(inFolded.length).toBeGreaterThan(0);
    // Six decades fit the default cap: nothing folded.
    expect(sketchOf(cases[1]![1]).accurateAbove).toBe(0);
  });

  it("serialises deterministically and reads back to the same state", () => {
    const xs = cases[2]![1];
    const s = sketchOf(xs);
    const text = JSON.stringify(s);
    const back = LogSketch.fromJSON(JSON.parse(text));
    expect(JSON.stringify(back)).toBe(text);
    expect(back.count).toBe(xs.length);
    for (const p of REPORTED_QUANTILES) expect(back.quantile(p)).toBe(s.quantile(p));
    const empty = LogSketch.fromJSON(JSON.parse(JSON.stringify(new LogSketch())));
    expect(empty.count).toBe(0);
    expect(() => LogSketch.fromJSON({ ...s.toJSON(), min: null })).toThrow(/min and max/);
  });

  it("refuses values that are not finite, empty quantiles and mismatched merges", () => {
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => new LogSketch().add(bad)).toThrow(/not finite/);
    expect(() => new LogSketch().quantile(0.5)).toThrow(/no values/);
    expect(() => sketchOf([1]).quantile(-0.1)).toThrow(RangeError);
    expect(() => new LogSketch(0.01).merge(new LogSketch(0.02))).toThrow(/cannot merge/);
    expect(() => new LogSketch(0)).toThrow(RangeError);
  });
});
