/**
 * What a model parameter is: its kind, canonical unit, allowed range and
 * meaning. Declared once beside the schema field; `show`, `explain`, the
 * JSON Schema and the validator all read it from there.
 */
export type ParamKind =
  /** A number in `unit` (a mathjs unit such as "GW", "wpm", "mm^2", or "1"). */
  | "quantity"
  /** A share or probability in [0, 1]; "40%" accepted. */
  | "fraction"
  /** A whole number; only fixed values or a `choice` of whole numbers. */
  | "integer"
  /** A calendar date, held as a position in quarters from 2024Q1. */
  | "date"
  /** A length of time, held in quarters; "4Q", "1 year", "18 month". */
  | "duration";

export interface ParamSpec {
  readonly kind: ParamKind;
  /** Canonical unit for quantities; "1" for dimensionless; "quarter" for durations and dates. */
  readonly unit: string;
  /** Inclusive bounds in canonical units; a distribution must stay inside them. */
  readonly min?: number;
  readonly max?: number;
  /** One or two sentences: what the parameter means in the model. */
  readonly description: string;
}

export const PROVENANCE_KEYS = ["source", "assumption", "claim", "note"] as const;
