import { afterEach, describe, expect, it, vi } from "vitest";
import { parseQuantity } from "./index.js";
import { unitMath } from "./mathUnits.js";
import { MAX_QUANTITY_LENGTH } from "./quantityText.js";

/**
 * Scenario values reach mathjs only as unit strings ("5 GW"), through its
 * unit parser. These tests would fail if a value were ever evaluated as an
 * expression or could change the instance: the dangerous functions are
 * spied on and must not be called, they refuse when called directly, and
 * the instance's units are the same after every hostile value.
 */
const HOSTILE = [
  "import({}, {override: true})",
  "5 GW import({}, {override: true})",
  "createUnit('x')",
  "5 createUnit('x')",
  "evaluate('1+1')",
  "5 evaluate('1+1')",
  "parse('x')",
  "f(x)=x",
  "5 f(x)=x",
  "5 GW; createUnit('x')",
  "1e308 GW * 1e308",
  `5 ${"GW*".repeat(2_000)}GW`,
  `${"(".repeat(5_000)}5 GW${")".repeat(5_000)}`,
  "5 x",
];
const WATCHED = ["import", "createUnit", "evaluate", "parse", "compile", "simplify", "derivative", "resolve", "chain"] as const;

afterEach(() => vi.restoreAllMocks());

describe("mathjs in chipsim reads units and nothing else", () => {
  it("refuses every hostile value as bad input without calling a function that evaluates or changes mathjs", () => {
    const math = unitMath() as unknown as Record<string, (...args: unknown[]) => unknown>;
    const spies = WATCHED.map((name) => vi.spyOn(math, name));
    for (const text of HOSTILE) {
      const read = parseQuantity(text, "GW");
      expect(read.ok, text).toBe(false);
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(unitMath().Unit.isValuelessUnit("x")).toBe(false);
    expect(parseQuantity("5 x", "GW")).toMatchObject({ ok: false });
  });

  it("has the functions that evaluate text or change mathjs disabled", () => {
    const math = unitMath();
    expect(() => math.evaluate("1+1")).toThrow("mathjs evaluate is disabled in chipsim");
    expect(() => math.parse("x")).toThrow(/disabled/);
    expect(() => math.createUnit("x")).toThrow(/disabled/);
    expect(() => math.import({ pi: 3 }, { override: true })).toThrow(/disabled/);
    expect(() => math.config({ number: "BigNumber" })).toThrow(/disabled/);
    expect(math.pi).toBeCloseTo(Math.PI, 12);
  });

  it("bounds the cost: a quantity longer than the limit is refused before mathjs parses it", () => {
    const long = `5 ${"k".repeat(MAX_QUANTITY_LENGTH)}W`;
    const spy = vi.spyOn(unitMath(), "unit");
    const started = performance.now();
    expect(parseQuantity(long, "GW")).toMatchObject({ ok: false, found: expect.stringContaining(`(a quantity has at most ${MAX_QUANTITY_LENGTH})`) });
    // (The canonical unit "GW" itself is read; the long text never is.)
    expect(spy.mock.calls.some((args) => (args as unknown[]).some((a) => typeof a === "string" && a.length > MAX_QUANTITY_LENGTH))).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("still reads the units scenarios use", () => {
    expect(parseQuantity("5 GW", "GW")).toEqual({ ok: true, value: 5 });
    expect(parseQuantity("0.18 /cm^2", "cm^-2")).toEqual({ ok: true, value: 0.18 });
    expect(parseQuantity("12 kwpm/year", "wpm/year")).toEqual({ ok: true, value: 12_000 });
  });
});
