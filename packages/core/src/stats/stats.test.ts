import { describe, expect, it } from "vitest";
import { ExactSum } from "./exactSum.js";
import { LogSketch } from "./logSketch.js";
import { Moments } from "./moments.js";
import { quantileSorted } from "./quantile.js";
import { SeriesStore } from "./seriesStore.js";
import { chooseStoreMode } from "./storeMode.js";

/** A small deterministic generator for test data (not the engine's). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const r = lcg(seed);
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

describe("ExactSum", () => {
  it("is exact where naive summation fails", () => {
    const s = new ExactSum();
    for (const x of [1e100, 1, -1e100]) s.add(x);
    expect(s.value()).toBe(1);
    const t = new ExactSum();
    for (let i = 0; i < 10; i++) t.add(0.1);
    // Ten copies of the double nearest 0.1 sum exactly to 1.0000000000000000555..., which rounds to 1.
    expect(t.value()).toBe(1);
  });

  it("matches an exact rational reference", () => {
    const r = lcg(7);
    const xs = Array.from({ length: 2000 }, () => (r() - 0.5) * 10 ** Math.floor(r() * 12 - 6));
    // Every double is k * 2^-1074 for an integer k; sum those integers exactly with BigInt.
    const SCALE = 2n ** 1074n;
    const toBig = (x: number) => {
      const [m, e] = frexp(x);
      return BigInt(m) * (e >= 0 ? SCALE * 2n ** BigInt(e) : SCALE / 2n ** BigInt(-e));
    };
    const exact = xs.reduce((acc, x) => acc + toBig(x), 0n);
    const s = new ExactSum();
    for (const x of xs) s.add(x);
    // The correctly rounded sum differs from the exact one by at most half an ulp.
    const got = toBig(s.value());
    const ulp = toBig(Math.abs(s.value()) * Number.EPSILON);
    expect(got - exact <= ulp && exact - got <= ulp).toBe(true);
  });

  it("gives the same bits in any order", () => {
    const r = lcg(3);
    const xs = Array.from({ length: 5000 }, () => (r() - 0.3) * 1e6 * r());
    const a = new ExactSum();
    for (const x of xs) a.add(x);
    const b = new ExactSum();
    for (const x of shuffled(xs, 99)) b.add(x);
    expect(Object.is(a.value(), b.value())).toBe(true);
  });

  it("refuses non-finite values", () => {
    expect(() => new ExactSum().add(NaN)).toThrow(/not a finite number/);
    expect(() => new ExactSum().add(Infinity)).toThrow(/not a finite number/);
  });
});

/** x = m * 2^e with integer m (|m| < 2^53). */
function frexp(x: number): [number, number] {
  if (x === 0) return [0, 0];
  let e = Math.floor(Math.log2(Math.abs(x))) - 52;
  let m = x / 2 ** e;
  while (!Number.isInteger(m)) {
    e -= 1;
    m = x / 2 ** e;
  }
  return [m, e];
}

describe("quantileSorted (type 7)", () => {
  it("matches hand-computed values", () => {
    const xs = Float64Array.from([1, 2, 3, 4]);
    // h = 3p: p=0.05 -> 1 + 0.15 = 1.15; p=0.5 -> 2.5; p=0.95 -> 3 + 0.85 = 3.85
    expect(quantileSorted(xs, 0.05)).toBeCloseTo(1.15, 14);
    expect(quantileSorted(xs, 0.5)).toBe(2.5);
    expect(quantileSorted(xs, 0.95)).toBeCloseTo(3.85, 14);
    expect(quantileSorted(xs, 1)).toBe(4);
    expect(quantileSorted(Float64Array.from([7]), 0.3)).toBe(7);
  });
});

describe("Moments", () => {
  it("gives mean and sample sd", () => {
    const m = new Moments();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) m.add(x);
    // mean 5; sum of squared deviations 32; sample variance 32/7.
    expect(m.mean()).toBe(5);
    expect(m.sd()).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it("merges to the same bits as one pass", () => {
    const r = lcg(11);
    const xs = Array.from({ length: 3000 }, () => r() * 1e5);
    const whole = new Moments();
    for (const x of xs) whole.add(x);
    const parts = [new Moments(), new Moments(), new Moments()];
    shuffled(xs, 5).forEach((x, i) => parts[i % 3]!.add(x));
    const merged = new Moments();
    for (const p of [parts[2]!, parts[0]!, parts[1]!]) merged.merge(p);
    expect(Object.is(merged.mean(), whole.mean())).toBe(true);
    expect(Object.is(merged.sd(), whole.sd())).toBe(true);
  });
});

describe("LogSketch", () => {
  const rankRule = (sorted: Float64Array, p: number) => sorted[Math.floor(p * (sorted.length - 1))] as number;

  it.each([
    ["lognormal over six decades", (r: () => number) => Math.exp((r() - 0.5) * 14)],
    ["with zeros and negatives", (r: () => number) => (r() < 0.2 ? 0 : (r() - 0.4) * 1000)],
    ["normal-like", (r: () => number) => 50 + (r() + r() + r() - 1.5) * 10],
  ])("is within its relative accuracy of the order statistic: %s", (_name, draw) => {
    const r = lcg(42);
    const xs = Float64Array.from({ length: 20_000 }, () => draw(r));
    const sketch = new LogSketch(0.005);
    for (const x of xs) sketch.add(x);
    const sorted = Float64Array.from(xs).sort();
    for (const p of [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]) {
      const exact = rankRule(sorted, p);
      const got = sketch.quantile(p);
      if (exact === 0) expect(got).toBe(0);
      else expect(Math.abs(got - exact) / Math.abs(exact)).toBeLessThanOrEqual(0.005 + 1e-12);
    }
  });

  it("returns the constant for constant data and merges exactly", () => {
    const a = new LogSketch();
    const b = new LogSketch();
    for (let i = 0; i < 100; i++) (i % 2 ? a : b).add(3);
    a.merge(b);
    expect(a.count).toBe(100);
    expect(Math.abs(a.quantile(0.5) - 3) / 3).toBeLessThanOrEqual(0.005);
  });
});

describe("SeriesStore", () => {
  it("exact mode: values placed by run index give the same summary whatever the order or split", () => {
    const r = lcg(8);
    const values = Array.from({ length: 500 }, () => r() * 100);
    const one = new SeriesStore("exact", 500);
    values.forEach((v, i) => one.set(i, v));
    const a = new SeriesStore("exact", 500);
    const b = new SeriesStore("exact", 500);
    for (const i of shuffled([...values.keys()], 4)) (i < 200 ? a : b).set(i, values[i] as number);
    b.merge(a);
    expect(JSON.stringify(b.summary())).toBe(JSON.stringify(one.summary()));
    const sorted = Float64Array.from(values).sort();
    expect(one.summary().p95).toBe(quantileSorted(sorted, 0.95));
    expect(one.quantileError()).toEqual({ kind: "exact" });
  });

  it("exact mode refuses a run recorded twice and a missing run", () => {
    const s = new SeriesStore("exact", 3);
    s.set(0, 1);
    expect(() => s.set(0, 2)).toThrow(/recorded twice/);
    expect(() => s.summary()).toThrow(/run 1 has no value/);
  });

  it("streaming mode stays within the stated error and merges to the same bits", () => {
    const r = lcg(9);
    const values = Array.from({ length: 4000 }, () => 1e3 + r() * 1e4);
    const whole = new SeriesStore("streaming", 4000);
    values.forEach((v) => whole.add(v));
    const a = new SeriesStore("streaming", 4000);
    const b = new SeriesStore("streaming", 4000);
    shuffled(values, 2).forEach((v, i) => (i % 2 ? a : b).add(v));
    a.merge(b);
    expect(JSON.stringify(a.summary())).toBe(JSON.stringify(whole.summary()));
    const exact = new SeriesStore("exact", 4000);
    values.forEach((v, i) => exact.set(i, v));
    const e = exact.summary();
    const s = whole.summary();
    expect(whole.quantileError()).toEqual({ kind: "relative", bound: 0.005 });
    // Type 7 interpolates between neighbouring order statistics; with 4000 dense values they are close.
    expect(Math.abs(s.p50 - e.p50) / e.p50).toBeLessThan(0.006);
    expect(s.mean).toBeCloseTo(e.mean, 8);
  });

  it("chooses exact mode while values fit the memory bound", () => {
    expect(chooseStoreMode(10_000, 500, 512 * 1024 * 1024)).toBe("exact");
    expect(chooseStoreMode(1_000_000, 500, 512 * 1024 * 1024)).toBe("streaming");
  });
});
