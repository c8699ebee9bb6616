import { describe, expect, it } from "vitest";
import { normalQuantile } from "../distributions/normal.js";
import { StreamRng } from "../random/streamRng.js";
import { DEFAULT_RELATIVE_ACCURACY } from "./logSketch.js";
import { quantileSorted, REPORTED_QUANTILE_KEYS, REPORTED_QUANTILES } from "./quantile.js";
import { SeriesStore } from "./seriesStore.js";

function values(count: number, stream: number): number[] {
  const rng = new StreamRng();
  rng.reset(61, 62, stream);
  // A skewed metric with some zero runs, like a capacity that may not exist yet.
  return Array.from({ length: count }, () => (rng.next() < 0.1 ? 0 : 1e5 * Math.exp(0.8 * normalQuantile(rng.next()))));
}

function permutation(count: number, stream: number): number[] {
  const rng = new StreamRng();
  rng.reset(63, 64, stream);
  const a = Array.from({ length: count }, (_, i) => i);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

function exactStore(xs: readonly number[]): SeriesStore {
  const s = new SeriesStore("exact", xs.length);
  xs.forEach((x, i) => s.set(i, x));
  return s;
}

/** `runs` is the job's total; a shard holds only some of them. */
function streamingStore(xs: readonly number[], runs = xs.length): SeriesStore {
  const s = new SeriesStore("streaming", runs);
  for (const x of xs) s.add(x);
  return s;
}

describe("SeriesStore, exact mode", () => {
  it("summarises by hand-checked values", () => {
    // Runs 0..3 hold 4, 1, 3, 2. Sorted 1 2 3 4: mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5,
    // sample variance 5/3; type 7 with h = 3p: p5 = 1.15, p50 = 2.5, p95 = 3.85.
    const s = exactStore([4, 1, 3, 2]);
    const summary = s.summary();
    expect(summary.mean).toBe(2.5);
    expect(summary.sd).toBe(Math.sqrt(5 / 3));
    expect(summary.p5).toBeCloseTo(1.15, 14);
    expect(summary.p50).toBe(2.5);
    expect(summary.p95).toBeCloseTo(3.85, 14);
    expect(s.quantileError()).toEqual({ kind: "exact" });
  });

  it("gives the same bits whatever order the runs arrive in and however they are split", () => {
    const xs = values(1000, 1);
    const one = exactStore(xs);
    const text = JSON.stringify(one.summary());
    for (const stream of [1, 2]) {
      const a = new SeriesStore("exact", xs.length);
      const b = new SeriesStore("exact", xs.length);
      for (const i of permutation(xs.length, stream)) (i % 3 === 0 ? a : b).set(i, xs[i] as number);
      const target = stream === 1 ? a : b;
      target.merge(stream === 1 ? b : a);
      expect(JSON.stringify(target.summary())).toBe(text);
    }
    const sorted = Float64Array.from(xs).sort();
    REPORTED_QUANTILES.forEach((p, k) => expect(one.summary()[REPORTED_QUANTILE_KEYS[k]!]).toBe(quantileSorted(sorted, p)));
  });

  it("refuses a run recorded twice or out of range, a missing run, and the streaming interface", () => {
    const s = new SeriesStore("exact", 3);
    s.set(0, 1);
    expect(() => s.set(0, 2)).toThrow(/recorded twice/);
    expect(() => s.set(3, 2)).toThrow(/outside/);
    expect(() => s.set(-1, 2)).toThrow(/outside/);
    expect(() => s.set(1.5, 2)).toThrow(/outside/);
    expect(() => s.set(1, NaN)).toThrow(/not a finite/);
    expect(() => s.summary()).toThrow(/run 1 has no value/);
    expect(() => s.add(1)).toThrow(/streaming/);
    const other = new SeriesStore("exact", 3);
    other.set(0, 5);
    expect(() => s.merge(other)).toThrow(/recorded twice/);
  });

  it("round-trips through JSON, unset runs included", () => {
    const s = new SeriesStore("exact", 3);
    s.set(2, 7.5);
    s.set(0, -1);
    const back = SeriesStore.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(back.toJSON()).toEqual({ mode: "exact", runs: 3, values: [-1, null, 7.5] });
    back.set(1, 0);
    expect(back.summary().p50).toBe(0);
  });
});

describe("SeriesStore, streaming mode", () => {
  it("gives the same mean and sd bits as exact mode, and quantiles within the stated error", () => {
    const xs = values(20_001, 3);
    const streamed = streamingStore(xs).summary();
    const exact = exactStore(xs).summary();
    expect(Object.is(streamed.mean, exact.mean)).toBe(true);
    expect(Object.is(streamed.sd, exact.sd)).toBe(true);
    const sorted = Float64Array.from(xs).sort();
    REPORTED_QUANTILES.forEach((p, k) => {
      const key = REPORTED_QUANTILE_KEYS[k]!;
      // h = 20000 p is whole for every reported p, so type 7 is the order statistic x_(h) itself.
      const x = sorted[Math.round(20_000 * p)] as number;
      expect(exact[key]).toBe(x);
      expect(Math.abs(streamed[key] - x)).toBeLessThanOrEqual(DEFAULT_RELATIVE_ACCURACY * Math.abs(x));
    });
    expect(streamingStore(xs).quantileError()).toEqual({ kind: "relative", bound: DEFAULT_RELATIVE_ACCURACY });
  });

  it("gives the same bits and the same serialised text however the runs are split and merged", () => {
    const xs = values(5000, 4);
    const whole = streamingStore(xs);
    const summary = JSON.stringify(whole.summary());
    const state = JSON.stringify(whole);
    const order = permutation(xs.length, 3).map((i) => xs[i] as number);
    const shards = [0, 1, 2].map((k) => streamingStore(order.filter((_, i) => i % 3 === k), xs.length).toJSON());
    for (const grouping of [
      [0, 1, 2],
      [2, 0, 1],
    ]) {
      const merged = new SeriesStore("streaming", xs.length);
      for (const k of grouping) merged.merge(SeriesStore.fromJSON(JSON.parse(JSON.stringify(shards[k]))));
      expect(JSON.stringify(merged.summary())).toBe(summary);
      expect(JSON.stringify(merged)).toBe(state);
    }
  });

  it("reports when folded buckets limit the guarantee", () => {
    // Magnitudes from 1e-8 to 1e8 (16 decades) exceed the 2048 buckets a sign gets at a = 0.005.
    const rng = new StreamRng();
    rng.reset(65, 66, 67);
    const s = new SeriesStore("streaming", 1000);
    for (let i = 0; i < 1000; i++) s.add(10 ** (16 * rng.next() - 8));
    const error = s.quantileError();
    expect(error.kind).toBe("relative");
    expect(error.kind === "relative" && error.accurateAbove !== undefined && error.accurateAbove > 1e-8).toBe(true);
  });

  it("refuses non-finite values, the exact interface, an empty summary and stores of another job", () => {
    const s = new SeriesStore("streaming", 10);
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => s.add(bad)).toThrow(/not finite/);
    expect(() => s.set(0, 1)).toThrow(/exact mode/);
    expect(() => s.summary()).toThrow(/no values/);
    expect(() => s.merge(new SeriesStore("streaming", 11))).toThrow(/different jobs/);
    expect(() => s.merge(new SeriesStore("exact", 10))).toThrow(/different jobs/);
  });
});
