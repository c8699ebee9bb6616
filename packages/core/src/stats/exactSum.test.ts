import { describe, expect, it } from "vitest";
import { StreamRng } from "../random/streamRng.js";
import { ExactSum } from "./exactSum.js";

/** The double x as the exact integer x * 2^1074 (every finite double is one). */
function scaled(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const magnitude = exponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(exponent - 1);
  return bits >> 63n ? -magnitude : magnitude;
}

/** n * 2^-1074 rounded to the nearest double, ties to even: the reference for a correctly rounded sum. */
function unscaled(n: bigint): number {
  const sign = n < 0n ? -1 : 1;
  const a = n < 0n ? -n : n;
  const bitLength = a.toString(2).length;
  if (bitLength <= 53) return sign * Number(a) * 2 ** -1074;
  const shift = BigInt(bitLength - 53);
  let q = a >> shift;
  const rest = a - (q << shift);
  const half = 1n << (shift - 1n);
  if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  return sign * Number(q) * 2 ** (Number(shift) - 1074);
}

function sumOf(xs: readonly number[]): ExactSum {
  const s = new ExactSum();
  for (const x of xs) s.add(x);
  return s;
}

function randomValues(count: number, stream: number): number[] {
  const rng = new StreamRng();
  rng.reset(1, 2, stream);
  // Both signs, magnitudes over 24 decades, so partials really overlap and cancel.
  return Array.from({ length: count }, () => (rng.next() - 0.5) * 10 ** Math.round(rng.next() * 24 - 12));
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

describe("ExactSum", () => {
  it("sums exactly where doubles cancel", () => {
    expect(sumOf([1e100, 1, -1e100]).value()).toBe(1);
    // The double nearest 0.1 is 0.1000000000000000055511151231257827; ten of them sum exactly to
    // 1.000000000000000055511151231257827, whose nearest double is 1 (plain addition gives 0.9999999999999999).
    expect(sumOf(Array.from({ length: 10 }, () => 0.1)).value()).toBe(1);
    expect(sumOf([]).value()).toBe(0);
  });

  it("rounds half-way cases to even, and past them when lower partials say so", () => {
    // 1 + 2^-53 lies exactly half-way between 1 and 1 + 2^-52: the even one is 1.
    expect(sumOf([1, 2 ** -53]).value()).toBe(1);
    // A little more than half-way rounds up, a little less rounds down.
    expect(sumOf([1, 2 ** -53, 2 ** -100]).value()).toBe(1 + 2 ** -52);
    expect(sumOf([1, 2 ** -53, -(2 ** -100)]).value()).toBe(1);
    // 1 + 2^-52 is odd (last significand bit 1), so the tie above it goes up to 1 + 2^-51.
    expect(sumOf([1 + 2 ** -52, 2 ** -53]).value()).toBe(1 + 2 ** -51);
  });

  it("matches an exact integer reference, correctly rounded", () => {
    for (const stream of [1, 2, 3]) {
      const xs = randomValues(3000, stream);
      // The reference helpers invert each other on doubles.
      for (const x of xs.slice(0, 50)) expect(unscaled(scaled(x))).toBe(x);
      const exact = xs.reduce((acc, x) => acc + scaled(x), 0n);
      expect(sumOf(xs).value()).toBe(unscaled(exact));
    }
  });

  it("gives the same bits in any order and any grouping of merges", () => {
    const xs = randomValues(4000, 7);
    const whole = sumOf(xs).value();
    for (const stream of [1, 2, 3]) expect(Object.is(sumOf(shuffled(xs, stream)).value(), whole)).toBe(true);
    // Four shards, merged as ((a + b) + (c + d)) and as (((d + c) + b) + a).
    const order = shuffled(xs, 9);
    const shards = [0, 1, 2, 3].map((k) => sumOf(order.filter((_, i) => i % 4 === k)));
    const [a, b, c, d] = shards.map((s) => ExactSum.fromJSON(s.toJSON())) as [ExactSum, ExactSum, ExactSum, ExactSum];
    const left = ExactSum.fromJSON(a.toJSON());
    left.merge(b);
    const right = ExactSum.fromJSON(c.toJSON());
    right.merge(d);
    left.merge(right);
    const chain = ExactSum.fromJSON(d.toJSON());
    for (const s of [c, b, a]) chain.merge(s);
    expect(Object.is(left.value(), whole)).toBe(true);
    expect(Object.is(chain.value(), whole)).toBe(true);
  });

  it("merges into itself as doubling", () => {
    const s = sumOf([1e16, 1, 0.25]);
    s.merge(s);
    // 2 (1e16 + 1.25) = 20000000000000002.5. Between 2^54 and 2^55 doubles are 4 apart, so the nearest
    // is 20000000000000004 (plain addition would give 2e16: 1e16 + 1 ties back to 1e16).
    expect(s.value()).toBe(20000000000000004);
  });

  it("serialises to the same text whatever the history, and reads it back", () => {
    const xs = randomValues(500, 5);
    const a = sumOf(xs);
    const b = sumOf(shuffled(xs, 4));
    const text = JSON.stringify(a);
    expect(JSON.stringify(b)).toBe(text);
    const back = ExactSum.fromJSON(JSON.parse(text));
    expect(Object.is(back.value(), a.value())).toBe(true);
    expect(JSON.stringify(back)).toBe(text);
    // The components of 1 + 2^-60 are the rounded sum and the remainder, by hand.
    expect(sumOf([2 ** -60, 1]).components()).toEqual([1, 2 ** -60]);
  });

  it("keeps a zero sum positive whatever the signs of the zeros", () => {
    expect(Object.is(sumOf([-0]).value(), 0)).toBe(true);
    expect(Object.is(sumOf([-0, -0, 0]).value(), 0)).toBe(true);
    expect(Object.is(sumOf([1, -1]).value(), 0)).toBe(true);
  });

  it("refuses values that are not finite", () => {
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => new ExactSum().add(bad)).toThrow(/not finite/);
    expect(() => ExactSum.fromJSON({ partials: [1, NaN] })).toThrow(/not finite/);
  });

  it("reports overflow rather than returning infinity", () => {
    expect(() => sumOf([Number.MAX_VALUE, Number.MAX_VALUE])).toThrow(RangeError);
  });
});
