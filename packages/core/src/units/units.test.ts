import { describe, expect, it } from "vitest";
import { parseQuantity } from "./index.js";

describe("quantities with units", () => {
  it("converts to the canonical unit", () => {
    expect(parseQuantity("5 GW", "GW")).toEqual({ ok: true, value: 5 });
    expect(parseQuantity("700 W", "GW")).toEqual({ ok: true, value: 7e-7 });
    expect(parseQuantity("30 kwpm", "wpm")).toEqual({ ok: true, value: 30_000 });
    expect(parseQuantity("12 kwpm/year", "wpm/year")).toEqual({ ok: true, value: 12_000 });
    expect(parseQuantity("0.18 /cm^2", "cm^-2")).toEqual({ ok: true, value: 0.18 });
    expect(parseQuantity("2 year", "quarter")).toEqual({ ok: true, value: 8 });
  });

  it("converts yuan at the sources' 0.14 dollars", () => {
    const read = parseQuantity("500e9 CNY", "USD");
    expect(read.ok && read.value).toBeCloseTo(70e9, 0);
  });

  it("accepts bare numbers only where they cannot be misread", () => {
    expect(parseQuantity(1.6e6, "stack")).toEqual({ ok: true, value: 1.6e6 });
    expect(parseQuantity("40%", "1")).toEqual({ ok: true, value: 0.4 });
    const bare = parseQuantity(5, "GW");
    expect(bare.ok).toBe(false);
    expect(!bare.ok && bare.found).toBe("5 (a number without a unit)");
  });

  it("names the wrong dimension", () => {
    const read = parseQuantity("5 km", "GW");
    expect(read).toEqual({ ok: false, expected: 'a quantity convertible to GW (e.g. "5 GW")', found: '"5 km", which is not convertible to GW' });
    expect(parseQuantity("5 stack", "die").ok).toBe(false);
    expect(parseQuantity("5 bananas", "GW").ok).toBe(false);
  });
});
