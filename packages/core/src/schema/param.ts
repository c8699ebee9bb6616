import { z } from "zod";
import type { DistSpec } from "../distributions/types.js";
import { assertKnownUnit } from "../units/index.js";
import type { ParamSpec } from "./paramSpec.js";
import { readParam } from "./readParam.js";

/** Where a parameter's value comes from: a bibliography entry, a stated assumption, or both. */
export interface Provenance {
  readonly source?: string;
  readonly assumption?: string;
  /** What the source says, paraphrased. */
  readonly claim?: string;
  readonly note?: string;
  /** The scenario file (or "--set") that set the value. */
  readonly file: string;
}

/**
 * A resolved model parameter: its distribution in canonical units, what it
 * is, and where it comes from. `path` and `provenance` are filled in by the
 * resolver once the whole scenario has been read (they depend on where the
 * parameter sits and which file set it).
 */
export class Param {
  path = "";
  provenance: Provenance = { file: "" };
  constructor(
    readonly dist: DistSpec,
    readonly spec: ParamSpec,
  ) {}
}

/** Every param schema, with its spec, so JSON Schema export and the resolver can find parameter leaves. */
export const paramRegistry = z.registry<ParamSpec>();

/** A schema field holding one model parameter. */
export function param(spec: ParamSpec) {
  assertKnownUnit(spec.kind === "date" || spec.kind === "duration" ? "quarter" : spec.unit);
  const schema = z.unknown().transform((raw, ctx) => {
    const read = readParam(raw, spec);
    if (read.ok) return new Param(read.dist, spec);
    for (const issue of read.issues) {
      ctx.addIssue({
        code: "custom",
        message: `expected ${issue.expected}, found ${issue.found}`,
        path: [...issue.path],
        params: { expected: issue.expected, found: issue.found, ...(issue.suggestion !== undefined ? { suggestion: issue.suggestion } : {}) },
      });
    }
    return z.NEVER;
  });
  paramRegistry.add(schema, spec);
  return schema;
}

/** Shorthands for the common kinds. */
export const quantity = (unit: string, description: string, bounds: { min?: number; max?: number } = { min: 0 }) =>
  param({ kind: "quantity", unit, description, ...bounds });
export const fraction = (description: string) => param({ kind: "fraction", unit: "1", min: 0, max: 1, description });
export const ratio = (description: string, bounds: { min?: number; max?: number } = { min: 0 }) =>
  param({ kind: "quantity", unit: "1", description, ...bounds });
export const integer = (description: string, bounds: { min?: number; max?: number } = { min: 0 }) =>
  param({ kind: "integer", unit: "1", description, ...bounds });
export const date = (description: string) => param({ kind: "date", unit: "quarter", description });
export const duration = (description: string) => param({ kind: "duration", unit: "quarter", min: 0, description });
