import { z } from "zod";
import { DATE_TEXT, FIRST_DATE_YEAR, LAST_DATE_YEAR } from "../time/parseDate.js";
import { acceptsBareNumber, DIMENSIONLESS } from "../units/quantity.js";
import { NUMBER_TEXT, UNIT_CHARACTER } from "../units/quantityText.js";
import type { DistKind } from "../distributions/types.js";
import {
  DIST_DESCRIPTIONS,
  DIST_FIELD_DESCRIPTIONS,
  DIST_FIELDS,
  DIST_KINDS,
  DIST_REQUIRED,
  PERCENTILE_KEYS,
} from "./distributionFields.js";
import { provenanceFields } from "./object.js";
import type { ParamSpec } from "./paramSpec.js";

/**
 * The JSON Schema of one model parameter, from its ParamSpec and the
 * tables readParam.ts reads with (distributionFields.ts) and the patterns
 * of the unit and date readers: what a parameter may be written as in a
 * scenario file, as far as JSON Schema can say it. Parameters that are
 * written the same way and share bounds share one definition.
 */

/** A JSON Schema, as plain data. */
export type JsonSchema = Record<string, unknown>;

/** How a parameter's values are written, which decides what a value may look like. */
type Writing =
  /** Shares and ratios: 0.4, "0.4" or "40%". */
  | "dimensionless"
  /** Whole numbers: fixed values, or a choice or bernoulli of them. */
  | "integer"
  /** Counts (stacks, dies, wafers, tools, accelerators, H100e): a bare number is a count, or "1.5e6 stack". */
  | "count"
  /** Quantities in a unit ("5 GW", "30 kwpm"); bare numbers only beside `unit:`. */
  | "quantity"
  /** Lengths of time ("4Q", "2 year", "18 month"); bare numbers only beside `unit:`. */
  | "duration"
  /** Dates: 2028, 2029.5, "2028Q3", "2025-11", "2025-11-05"; "2026H1" as a whole value. */
  | "date";

function writingOf(spec: ParamSpec): Writing {
  switch (spec.kind) {
    case "date":
    case "duration":
    case "integer":
      return spec.kind;
    case "fraction":
      return "dimensionless";
    case "quantity":
      return spec.unit === DIMENSIONLESS ? "dimensionless" : acceptsBareNumber(spec.unit) ? "count" : "quantity";
  }
}

/** Whether a bare number is read in the parameter's own unit (so the parameter's bounds apply to it). */
const canonicalNumbers = (w: Writing) => w === "dimensionless" || w === "integer" || w === "count";
/** Whether a bare number needs a `unit:` beside it. */
const numbersNeedUnit = (w: Writing) => w === "quantity" || w === "duration";

/** A number, or a percentage ("40%"). */
const DIMENSIONLESS_PATTERN = `^\\s*${NUMBER_TEXT}(?:\\s*%)?\\s*$`;
/** A number, with or without a unit ("1.5e6", "1.5e6 stack"). */
const COUNT_PATTERN = `^\\s*${NUMBER_TEXT}${UNIT_CHARACTER}*$`;
/** A number followed by a unit ("5 GW", "30 kwpm", "0.45 cm^-2", "4Q", "2 year"). */
const QUANTITY_PATTERN = `^\\s*${NUMBER_TEXT}\\s*[A-Za-z_/(]${UNIT_CHARACTER}*$`;
/** A year as text, within [FIRST_DATE_YEAR, LAST_DATE_YEAR] (1900-2200). */
const YEAR_TEXT = "(?:19\\d\\d|2[01]\\d\\d)(?:\\.\\d+)?|2200(?:\\.0+)?";
/** The reader's forms, its groups made non-capturing (they only take the text apart). */
const dateForm = (source: string) => source.replace(/\((?!\?)/g, "(?:");
const dateForms = [YEAR_TEXT, ...[DATE_TEXT.quarter, DATE_TEXT.month, DATE_TEXT.day].map(dateForm)];
/** A date inside a distribution (min, max, mode, ...). */
const DATE_PATTERN = `^\\s*(?:${dateForms.join("|")})\\s*$`;
/** A date as a whole value, which may also be a half year (uniform over it). */
const DATE_VALUE_PATTERN = `^\\s*(?:${[...dateForms, dateForm(DATE_TEXT.half)].join("|")})\\s*$`;
/** The only unit a dimensionless parameter's numbers may be given in: percent. */
const PERCENT_UNIT_PATTERN = "^\\s*%?\\s*$";

/**
 * What a text must look like, with the message editors show when it does
 * not (`patternErrorMessage`, read by VS Code's JSON and YAML support; other
 * tools take it for an annotation).
 */
function textPattern(w: Writing, asValue: boolean): JsonSchema {
  switch (w) {
    case "date":
      return asValue
        ? { pattern: DATE_VALUE_PATTERN, patternErrorMessage: "Expected a date: 2028, 2029.5, 2028Q3, 2025-11, 2025-11-05, or a half year such as 2026H1." }
        : { pattern: DATE_PATTERN, patternErrorMessage: "Expected a date: 2028, 2029.5, 2028Q3, 2025-11 or 2025-11-05 (a half year only as a whole value)." };
    case "dimensionless":
    case "integer":
      return { pattern: DIMENSIONLESS_PATTERN, patternErrorMessage: 'Expected a number, or a percentage such as "40%".' };
    case "count":
      return { pattern: COUNT_PATTERN, patternErrorMessage: 'Expected a number, or a number and a unit such as "1.5e6 stack".' };
    case "quantity":
      return { pattern: QUANTITY_PATTERN, patternErrorMessage: 'Expected a number followed by a unit, such as "5 GW", "30 kwpm" or "0.45 cm^-2".' };
    case "duration":
      return { pattern: QUANTITY_PATTERN, patternErrorMessage: 'Expected a duration: a number and a unit of time, such as "4Q", "2 year" or "18 month".' };
  }
}

const fmt = (x: number) => String(x);

/** The name of the shared definition a parameter refers to. */
export function parameterDefName(spec: ParamSpec): string {
  const w = writingOf(spec);
  const bounds = w === "date" ? "" : `${spec.min !== undefined ? `_min${fmt(spec.min)}` : ""}${spec.max !== undefined ? `_max${fmt(spec.max)}` : ""}`;
  return `${w}Parameter${bounds}`;
}

/** The JSON types a parameter may be written as: a value or an object. */
export function parameterTypes(spec: ParamSpec): string[] {
  return numbersNeedUnit(writingOf(spec)) ? ["string", "object"] : ["number", "string", "object"];
}

/** What the description of a parameter adds about how to write it. */
export function writingHint(spec: ParamSpec): string {
  const range = rangeText(spec);
  const within = range === "" ? "" : ` (${range})`;
  switch (writingOf(spec)) {
    case "date":
      return "A date: 2028, 2028Q3, 2025-11 or 2025-11-05 (2026H1: uniform over the half year), or a distribution of dates.";
    case "duration":
      return 'A duration: "4Q", "2 year" or "18 month".';
    case "integer":
      return `A whole number${within}.`;
    case "count":
      return `Counted in ${spec.unit}${within}: a bare number, or "1.5e6 ${spec.unit}".`;
    case "dimensionless":
      return spec.kind === "fraction" ? 'A share in [0, 1]: 0.4 or "40%".' : `A dimensionless number${within}.`;
    case "quantity":
      return `In ${spec.unit}${within}: a number and a unit that converts to it, e.g. "5 ${spec.unit}".`;
  }
}

function rangeText(spec: ParamSpec): string {
  if (spec.min !== undefined && spec.max !== undefined) return `in [${fmt(spec.min)}, ${fmt(spec.max)}]`;
  if (spec.min !== undefined) return `at least ${fmt(spec.min)}`;
  if (spec.max !== undefined) return `at most ${fmt(spec.max)}`;
  return "";
}

/** The provenance fields as the sections declare them (object.ts), for parameter objects too. */
export function provenanceJsonSchema(): Record<string, JsonSchema> {
  const schema = z.toJSONSchema(z.object(provenanceFields), { io: "input" }) as { properties: Record<string, JsonSchema> };
  return schema.properties;
}

/** The shared definition of the parameters written like `spec`. */
export function parameterDef(spec: ParamSpec): JsonSchema {
  const w = writingOf(spec);
  const types = parameterTypes(spec);
  const kinds = distributionsFor(spec, w);
  const field = fieldValue(w, false);
  const fieldTypes = ["number", "string"];
  const value = w === "date" ? fieldValue(w, true) : field;
  const spread = w === "date" ? fieldValue("duration", false) : field;
  const dateNumbers = w === "date" ? { minimum: FIRST_DATE_YEAR, maximum: LAST_DATE_YEAR } : {};
  const properties: Record<string, JsonSchema> = {
    dist: { description: distDescription(kinds), enum: kinds },
    value: { description: DIST_FIELD_DESCRIPTIONS["value"], ...value },
    unit: {
      description: DIST_FIELD_DESCRIPTIONS["unit"],
      type: "string",
      ...(w === "dimensionless" || w === "integer" ? { pattern: PERCENT_UNIT_PATTERN, patternErrorMessage: 'Expected "%": the only unit of a dimensionless number.' } : {}),
    },
  };
  for (const key of distFieldsOf(kinds)) {
    if (key in properties) continue;
    properties[key] = { description: DIST_FIELD_DESCRIPTIONS[key], ...fieldSchema(key, field, spread) };
  }
  Object.assign(properties, provenanceJsonSchema());

  const rules: JsonSchema[] = [
    // Without `dist`, a parameter object is a value with its unit and provenance.
    {
      if: { type: "object", properties: { dist: false } },
      then: { properties: { value: true, ...forbid(distFieldsOf(kinds)) }, required: ["value"] },
    },
    ...kinds.map((kind) => ({
      if: { type: "object", properties: { dist: { const: kind } }, required: ["dist"] },
      then: distributionRule(kind, spec, kinds, field),
    })),
  ];
  // Bare numbers inside the object are read in `unit:` where it is given; without it they are
  // in the parameter's own unit (bounded as it is), or refused where that unit must be written.
  const withoutUnit = Object.entries(numbersWithoutUnit(w, spec, fieldTypes)).filter(([key]) => key in properties);
  if (withoutUnit.length > 0) rules.push({ if: { type: "object", properties: { unit: false } }, then: { properties: Object.fromEntries(withoutUnit) } });

  return {
    type: types,
    ...pointBounds(w, spec),
    ...dateNumbers,
    ...textPattern(w, true),
    properties,
    additionalProperties: false,
    allOf: rules,
  };
}

/** The distributions a parameter may take: whole numbers only fixed, choice or bernoulli; dates no lognormal; lognormal only where its support (0, infinity) fits. */
function distributionsFor(spec: ParamSpec, w: Writing): DistKind[] {
  return DIST_KINDS.filter((kind) => {
    if (w === "integer") return kind === "fixed" || kind === "choice" || kind === "bernoulli";
    if (kind === "lognormal") return w !== "date" && (spec.min === undefined || spec.min <= 0) && spec.max === undefined;
    return true;
  });
}

function distDescription(kinds: readonly DistKind[]): string {
  return `${DIST_FIELD_DESCRIPTIONS["dist"]} ${kinds.map((k) => DIST_DESCRIPTIONS[k]).join("; ")}.`;
}

/** Every field some allowed distribution takes, except `value`. */
function distFieldsOf(kinds: readonly DistKind[]): string[] {
  return [...new Set(kinds.flatMap((k) => DIST_FIELDS[k]))].filter((f) => f !== "value");
}

const forbid = (keys: readonly string[]): Record<string, false> => Object.fromEntries(keys.map((k) => [k, false]));

function distributionRule(kind: DistKind, spec: ParamSpec, kinds: readonly DistKind[], field: JsonSchema): JsonSchema {
  const own = DIST_FIELDS[kind];
  const others = ["value", ...distFieldsOf(kinds)].filter((f) => !own.includes(f));
  const required = [...DIST_REQUIRED[kind]];
  if (kind === "beta") {
    if (spec.min === undefined) required.push("min");
    if (spec.max === undefined) required.push("max");
  }
  if (kind === "normal") {
    // A normal reaches both infinities: on a bounded parameter it must be truncated.
    if (spec.min !== undefined) required.push("min");
    if (spec.max !== undefined) required.push("max");
  }
  // The value of a `fixed` distribution is read like a distribution's other fields (a date's half year is not a point).
  const ownFields = own.map((f) => [f, kind === "fixed" ? field : true]);
  const rule: JsonSchema = {
    properties: { ...Object.fromEntries(ownFields), ...forbid(others) },
    ...(required.length > 0 ? { required } : {}),
  };
  if (kind === "lognormal") rule["$ref"] = `#/$defs/${LOGNORMAL_FORMS}`;
  return rule;
}

/** The name of the definition shared by every parameter that may be lognormal. */
export const LOGNORMAL_FORMS = "lognormalForms";

/** A lognormal is given by mean and sd, or by exactly two percentiles (whatever the parameter). */
export function lognormalForms(): JsonSchema {
  const moments = { properties: { mean: true, sd: true, ...forbid(PERCENTILE_KEYS) }, required: ["mean", "sd"] };
  const pairs: JsonSchema[] = [];
  PERCENTILE_KEYS.forEach((a, i) => {
    for (const b of PERCENTILE_KEYS.slice(i + 1)) {
      const rest = PERCENTILE_KEYS.filter((k) => k !== a && k !== b);
      pairs.push({ properties: { [a]: true, [b]: true, mean: false, sd: false, ...forbid(rest) }, required: [a, b] });
    }
  });
  return {
    description: "A lognormal distribution is given by mean and sd, or by exactly two of p5, p10, p25, p50, p75, p90 and p95.",
    type: "object",
    anyOf: [moments, ...pairs],
  };
}

/** A number or a text for one field of a distribution (`asValue`: the whole value of a date, which may be a half year). */
function fieldValue(w: Writing, asValue: boolean): JsonSchema {
  return { type: ["number", "string"], ...(w === "date" ? { minimum: FIRST_DATE_YEAR, maximum: LAST_DATE_YEAR } : {}), ...textPattern(w, asValue) };
}

function fieldSchema(key: string, field: JsonSchema, spread: JsonSchema): JsonSchema {
  switch (key) {
    case "sd":
      return { ...spread, exclusiveMinimum: 0 };
    case "lambda":
    case "alpha":
    case "beta":
      return { type: "number", exclusiveMinimum: 0 };
    case "p":
      return { type: "number", minimum: 0, maximum: 1 };
    case "values":
      return { type: "array", minItems: 1, items: field };
    case "weights":
      return { type: "array", minItems: 1, items: { type: "number", minimum: 0 } };
    default:
      return field;
  }
}

/** Bounds on a bare number, where it is in the parameter's own unit. */
function pointBounds(w: Writing, spec: ParamSpec): JsonSchema {
  if (!canonicalNumbers(w)) return {};
  return {
    ...(spec.min !== undefined ? { minimum: spec.min } : {}),
    ...(spec.max !== undefined ? { maximum: spec.max } : {}),
    ...(w === "integer" ? { multipleOf: 1 } : {}),
  };
}

/**
 * The fields of a parameter object written without `unit:`: numbers in the
 * parameter's own unit keep inside its bounds (value, the ends of a range,
 * the values of a choice: what decides the range a distribution reaches),
 * and numbers that need a unit are refused.
 */
function numbersWithoutUnit(w: Writing, spec: ParamSpec, fieldTypes: string[]): Record<string, JsonSchema> {
  if (numbersNeedUnit(w)) {
    const text = { type: "string" };
    const keys = ["value", "min", "max", "mode", "mean", "sd", ...PERCENTILE_KEYS];
    return { ...Object.fromEntries(keys.map((k) => [k, text])), values: { type: "array", items: text } };
  }
  if (w === "date") return { sd: { type: "string" } };
  const bounds = pointBounds(w, spec);
  if (Object.keys(bounds).length === 0) return {};
  const bounded = { type: fieldTypes, ...bounds };
  return { value: bounded, min: bounded, max: bounded, mode: bounded, values: { type: "array", items: bounded } };
}
