import { describe, expect, it } from "vitest";
import { StreamRng } from "../random/streamRng.js";
import { Moments } from "./moments.js";

function momentsOf(xs: readonly number[]): Moments {
  const m = new Moments();
  for (const x of xs) m.add(x);
  return m;
}

function shuffled<T>(xs: readonly T[], stream: number): T[] {
  const rng = new StreamRng();
  rng.reset(3, 4, stream);
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

/** 2^30 + k / 1024 for random k in [0, 2^20): spread near 300 against a mean near 1e9, exactly representable. */
function nearlyConstant(count: number): { values: number[]; scaled: bigint[] } {
  const rng = new StreamRng();
  rng.reset(21, 22, 23);
  const ks = Array.from({ length: count }, () => Math.floor(rng.next() * 2 ** 20));
  return { values: ks.map((k) => 2 ** 30 + k / 1024), scaled: ks.map((k) => 2n ** 40n + BigInt(k)) };
}

describe("Moments", () => {
  it("gives count, mean, sample sd, min and max", () => {
    const m = momentsOf([2, 4, 4, 4, 5, 5, 7, 9]);
    // Sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sample variance 32/7.
    expect(m.count).toBe(8);
    expect(m.mean()).toBe(5);
    expect(m.sd()).toBe(Math.sqrt(32 / 7));
    expect([m.min, m.max]).toEqual([2, 9]);
  });

  it("keeps the sd exact where S2 - S1^2 / n in doubles cancels to noise", () => {
    const n = 2000;
    const { values, scaled } = nearlyConstant(n);
    // With K = 1024 x: n S2 - S1^2 = (n sum K^2 - (sum K)^2) / 1024^2, exactly, in integers.
    const sumK = scaled.reduce((a, k) => a + k, 0n);
    const spread = BigInt(n) * scaled.reduce((a, k) => a + k * k, 0n) - sumK * sumK;
    // Number() rounds the integer once to the nearest double; the power-of-two scaling is exact;
    // then the same single division and square root as the definition sd = sqrt(spread / (n (n - 1))).
    const expectedSd = Math.sqrt(Number(spread) / 1024 ** 2 / (n * (n - 1)));
    const m = momentsOf(values);
    expect(m.sd()).toBe(expectedSd);
    expect(m.mean()).toBe(Number(sumK) / 1024 / n);
    // The data really are hard: the textbook formula in plain doubles misses by far more than 1%.
    const s1 = values.reduce((a, x) => a + x, 0);
    const s2 = values.reduce((a, x) => a + x * x, 0);
    const naive = Math.sqrt(Math.max(0, (s2 - (s1 * s1) / n) / (n - 1)));
    expect(Math.abs(naive - expectedSd) / expectedSd).toBeGreaterThan(0.01);
  });

  it("gives sd exactly 0 for constant data and for fewer than two values", () => {
    expect(momentsOf(Array.from({ length: 1000 }, () => 0.1)).sd()).toBe(0);
    expect(momentsOf([3.5]).sd()).toBe(0);
    expect(momentsOf([3.5]).mean()).toBe(3.5);
  });

  it("gives the same bits whatever the order and grouping of merges", () => {
    const rng = new StreamRng();
    rng.reset(31, 32, 33);
    const xs = Array.from({ length: 3000 }, () => Math.exp(rng.next() * 20 - 10) * (rng.next() < 0.2 ? -1 : 1));
    const whole = momentsOf(xs);
    const bits = (m: Moments) => [m.count, m.mean(), m.sd(), m.min, m.max];
    const text = JSON.stringify(whole);
    for (const stream of [1, 2]) {
      const order = shuffled(xs, stream);
      const parts = [0, 1, 2].map((k) => momentsOf(order.filter((_, i) => i % 3 === k)));
      const merged = new Moments();
      for (const k of stream === 1 ? [2, 0, 1] : [1, 2, 0]) merged.merge(parts[k] as Moments);
      bits(merged).forEach((v, i) => expect(Object.is(v, bits(whole)[i])).toBe(true));
      expect(JSON.stringify(merged)).toBe(text);
    }
  });

  it("treats -0 as 0, so min and max do not depend on which came first", () => {
    expect(Object.is(momentsOf([-0, 0]).min, 0)).toBe(true);
    expect(Object.is(momentsOf([0, -0]).max, 0)).toBe(true);
  });

  it("round-trips through JSON, empty or not", () => {
    const m = momentsOf([1.5, -2.25, 1e10, 3e-5]);
    const back = Moments.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(JSON.stringify(back)).toBe(JSON.stringify(m));
    expect([back.count, back.mean(), back.sd(), back.min, back.max]).toEqual([m.count, m.mean(), m.sd(), m.min, m.max]);
    const empty = Moments.fromJSON(JSON.parse(JSON.stringify(new Moments())));
    expect(empty.count).toBe(0);
    expect(() => empty.mean()).toThrow(/no values/);
    expect(() => Moments.fromJSON({ count: 1, sum: { partials: [1] }, sumOfSquares: { partials: [1] }, min: null, max: 1 })).toThrow(/min and max/);
  });

  it("refuses values that are not finite, or too large to square safely", () => {
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => new Moments().add(bad)).toThrow(/not finite/);
    expect(() => new Moments().add(1e300)).toThrow(/2\^400/);
  });
});
