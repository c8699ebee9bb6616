import { checkUnit, COUNT_UNITS, parseUnit, unitOf } from "./mathUnits.js";
import { checkQuantityText, NUMBER_TEXT } from "./quantityText.js";

/**
 * Reading one number from a scenario file in a parameter's canonical unit.
 *
 * A parameter declares its canonical unit ("GW", "wpm", "mm^2", "stack",
 * "1" for dimensionless). A value may be a bare number or a string with a
 * unit ("5 GW", "30 kwpm", "25%"). A bare number is accepted only where it
 * cannot be misread: dimensionless parameters and pure counts (stacks, dies,
 * wafers, tools, accelerators, H100e). Everything else must say its unit.
 */
export type QuantityParse = { ok: true; value: number } | { ok: false; expected: string; found: string };

export const DIMENSIONLESS = "1";

const PERCENT = new RegExp(`^(${NUMBER_TEXT})\\s*%$`);
const NUMBER = new RegExp(`^${NUMBER_TEXT}$`);

export function parseQuantity(raw: unknown, canonical: string): QuantityParse {
  const expected = describeExpected(canonical);
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { ok: false, expected, found: String(raw) };
    if (acceptsBareNumber(canonical)) return { ok: true, value: raw };
    return { ok: false, expected, found: `${raw} (a number without a unit)` };
  }
  if (typeof raw !== "string") return { ok: false, expected, found: describeFound(raw) };
  const text = raw.trim();
  const percent = PERCENT.exec(text);
  if (percent) {
    if (canonical !== DIMENSIONLESS) return { ok: false, expected, found: `"${raw}"` };
    return { ok: true, value: Number(percent[1]) / 100 };
  }
  if (NUMBER.test(text)) return parseQuantity(Number(text), canonical);
  if (canonical === DIMENSIONLESS) return { ok: false, expected, found: `"${raw}"` };
  // Outside the try: an unknown canonical unit is a schema bug, not bad input.
  const target = unitOf(canonical);
  const shape = checkQuantityText(text);
  if (!shape.ok) return { ok: false, expected, found: shape.found };
  try {
    const unit = parseUnit(text);
    if (!unit.equalBase(target)) {
      return { ok: false, expected, found: `"${raw}", which is not convertible to ${canonical}` };
    }
    // Unit factors leave float dust (12 kwpm/year -> 12000.000000000002); no input is known to 15 digits.
    const value = Number(unit.toNumber(canonical).toPrecision(15));
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, expected, found: `"${raw}"` };
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/\.$/, "") : "unreadable";
    return { ok: false, expected, found: `"${raw}" (${why})` };
  }
}

export function acceptsBareNumber(canonical: string): boolean {
  return canonical === DIMENSIONLESS || (COUNT_UNITS as readonly string[]).includes(canonical);
}

/**
 * Fails fast on a schema that names a unit mathjs does not know (a bug, not
 * bad input): when the unit instance is made, at the first unit read.
 */
export function assertKnownUnit(canonical: string): void {
  if (canonical !== DIMENSIONLESS) checkUnit(canonical);
}

function describeExpected(canonical: string): string {
  if (canonical === DIMENSIONLESS) return "a dimensionless number (e.g. 0.4 or \"40%\")";
  if (acceptsBareNumber(canonical)) return `a number of ${canonical}s (e.g. 1.6e6, or "1.6e6 ${canonical}")`;
  return `a quantity convertible to ${canonical} (e.g. "5 ${canonical}")`;
}

export function describeFound(raw: unknown): string {
  if (raw === null) return "null";
  if (raw === undefined) return "nothing";
  if (Array.isArray(raw)) return "a list";
  if (typeof raw === "object") return "an object";
  if (typeof raw === "string") return `"${raw}"`;
  return String(raw);
}
