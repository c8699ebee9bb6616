import { DATE_FORMS, parseDate, parseDateInterval } from "../time/index.js";
import { DIMENSIONLESS, describeFound, parseQuantity } from "../units/index.js";
import type { ParamSpec } from "./paramSpec.js";

/** One number read from a scenario file, or why it could not be read. */
export type ValueRead = { ok: true; value: number } | { ok: false; expected: string; found: string };

/**
 * Reads a single value of a parameter (a point value, or one argument of a
 * distribution such as `min`). `unitOverride` is the `unit:` field written
 * beside the value, which bare numbers are then read in.
 */
export function readValue(raw: unknown, spec: ParamSpec, unitOverride?: string): ValueRead {
  switch (spec.kind) {
    case "date":
      return readDate(raw);
    case "duration":
      return readDuration(raw, unitOverride);
    default:
      return readQuantity(raw, spec.unit, unitOverride);
  }
}

/** A spread of a date (the sd of a normal date) is a duration. */
export function readSpread(raw: unknown, spec: ParamSpec, unitOverride?: string): ValueRead {
  return spec.kind === "date" ? readDuration(raw, unitOverride) : readValue(raw, spec, unitOverride);
}

function readQuantity(raw: unknown, canonical: string, unitOverride?: string): ValueRead {
  if (unitOverride !== undefined && typeof raw === "number") {
    if (unitOverride === "%") {
      return canonical === DIMENSIONLESS
        ? { ok: true, value: raw / 100 }
        : { ok: false, expected: `a quantity convertible to ${canonical}`, found: `unit "%"` };
    }
    return parseQuantity(`${raw} ${unitOverride}`, canonical);
  }
  return parseQuantity(raw, canonical);
}

function readDate(raw: unknown): ValueRead {
  const parsed = parseDate(raw);
  if (parsed.ok) return { ok: true, value: parsed.position };
  const found = parseDateInterval(raw)
    ? `${describeFound(raw)} (a half year is an interval: write it as a value, not inside a distribution)`
    : describeFound(raw);
  return { ok: false, expected: DATE_FORMS, found };
}

const DURATION_FORMS = 'a duration such as "4Q", "2 year" or "18 month"';

function readDuration(raw: unknown, unitOverride?: string): ValueRead {
  if (typeof raw === "string") {
    const quarters = /^\s*(\d+(?:\.\d+)?)\s*Q\s*$/i.exec(raw);
    if (quarters) return { ok: true, value: Number(quarters[1]) };
  }
  if (typeof raw === "number" && unitOverride === undefined) {
    return { ok: false, expected: DURATION_FORMS, found: `${raw} (a number without a unit)` };
  }
  const read = readQuantity(raw, "quarter", unitOverride);
  return read.ok ? read : { ok: false, expected: DURATION_FORMS, found: read.found };
}
