/**
 * What a quantity string may look like before mathjs sees it: a number,
 * then a unit written with names, powers, products and quotients ("5 GW",
 * "30 kwpm", "0.18 /cm^2", "12 kwpm/year"), at most MAX_QUANTITY_LENGTH
 * characters. mathjs only parses it as a unit, never as an expression; the
 * check bounds the cost of that parse and refuses text that does not start
 * with a number or holds quotes, braces, commas or "=" ("import({})",
 * "f(x)=x", "evaluate('1+1')") before mathjs sees it.
 */
export const MAX_QUANTITY_LENGTH = 64;

/**
 * A number as a scenario writes it ("5", "0.45", ".5", "300e3", "-1"), and
 * the characters a unit after it may use. Regular-expression sources, so
 * that the JSON Schema's patterns (schema/jsonSchemaParams.ts) are the
 * ones the reader uses.
 */
export const NUMBER_TEXT = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
export const UNIT_CHARACTER = "[\\sA-Za-z0-9_^*/().+-]";

// One character class after the number, so the test is linear in the length (no backtracking).
const QUANTITY_SHAPE = new RegExp(`^${NUMBER_TEXT}${UNIT_CHARACTER}*$`);

export type QuantityTextCheck = { ok: true } | { ok: false; found: string };

export function checkQuantityText(text: string): QuantityTextCheck {
  if (text.length > MAX_QUANTITY_LENGTH) return { ok: false, found: `a text of ${text.length} characters (a quantity has at most ${MAX_QUANTITY_LENGTH})` };
  if (!QUANTITY_SHAPE.test(text)) return { ok: false, found: `"${text}" (not a number followed by a unit)` };
  return { ok: true };
}
