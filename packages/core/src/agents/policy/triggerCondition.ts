/**
 * A trigger's `when`, compiled: comparisons of last quarter's observables
 * with thresholds, all of which must hold. Written as
 * "share.domestic > 0.6 and levers.us-hbm-ban >= 0.5". Flows are compared
 * as annual rates.
 */
import { closestName } from "../../closestName.js";

export const enum Comparison {
  Greater,
  GreaterOrEqual,
  Less,
  LessOrEqual,
}

export interface Clause {
  /** Observable index. */
  readonly index: number;
  /** Multiplier turning the quarterly value into the compared one (4 for flows). */
  readonly scale: number;
  readonly comparison: Comparison;
  readonly threshold: number;
}

export type ConditionParse =
  | { ok: true; clauses: Clause[] }
  | { ok: false; expected: string; found: string; suggestion?: string };

export interface ConditionOperands {
  /** Resolves an observable id to its index and whether it is a flow. */
  observable(id: string): { index: number; flow: boolean } | undefined;
  /** Every indicator id, to suggest the closest to a misspelt one. */
  ids?(): Iterable<string>;
}

const CLAUSE = /^\s*([a-zA-Z][\w.-]*)\s*(>=|<=|>|<)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(%?)\s*$/i;

export function parseCondition(text: string, operands: ConditionOperands): ConditionParse {
  const clauses: Clause[] = [];
  for (const part of text.split(/\s+and\s+/i)) {
    const m = CLAUSE.exec(part);
    if (!m) {
      return { ok: false, expected: 'comparisons such as "share.domestic > 0.6", joined by "and"', found: `"${part.trim()}"` };
    }
    const [, id, op, number, percent] = m as unknown as [string, string, string, string, string];
    const threshold = Number(number) / (percent ? 100 : 1);
    const comparison =
      op === ">" ? Comparison.Greater : op === ">=" ? Comparison.GreaterOrEqual : op === "<" ? Comparison.Less : Comparison.LessOrEqual;
    const observable = operands.observable(id);
    if (!observable) {
      const suggestion = operands.ids ? closestName(id, operands.ids()) : undefined;
      return {
        ok: false,
        expected: `an indicator such as share.domestic, accelerators.domestic or levers.us-hbm-ban (see chipsim show)`,
        found: `"${id}"`,
        ...(suggestion !== undefined ? { suggestion } : {}),
      };
    }
    clauses.push({ index: observable.index, scale: observable.flow ? 4 : 1, comparison, threshold });
  }
  return { ok: true, clauses };
}

export function holds(clauses: readonly Clause[], observables: Float64Array): boolean {
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i] as Clause;
    const v = (observables[c.index] as number) * c.scale;
    const ok =
      c.comparison === Comparison.Greater
        ? v > c.threshold
        : c.comparison === Comparison.GreaterOrEqual
          ? v >= c.threshold
          : c.comparison === Comparison.Less
            ? v < c.threshold
            : v <= c.threshold;
    if (!ok) return false;
  }
  return true;
}
