import { parse } from "yaml";
import type { Override } from "@chipsim/core";
import { isStackOverflow, MAX_NESTING, nestingDepth, NESTING_EXPECTED } from "./nesting.js";

export type ParsedOverride = { ok: true; override: Override } | { ok: false; message: string };

/** Aliases a `--set` value may use: a distribution never needs one, and the cap stops a "billion laughs" value. */
export const MAX_OVERRIDE_ALIASES = 10;

/**
 * `path=value`, as `--set` and the playground's URL write an override. The
 * value is read as inline YAML, so it can be a number (`0`), a number with
 * a unit (`5 GW`, `5GW`), a date (`2028Q3`) or a distribution
 * (`{dist: uniform, min: 2028, max: 2031}`).
 */
export function parseOverrideText(text: string): ParsedOverride {
  const eq = text.indexOf("=");
  if (eq <= 0) return { ok: false, message: `--set ${shown(text)}: expected path=value (e.g. levers.us-hbm-ban.strength=0), found no "="` };
  const path = shown(text.slice(0, eq).trim());
  const raw = text.slice(eq + 1).trim();
  if (raw === "") return { ok: false, message: `--set ${path}: expected a value after "=", found nothing` };
  const refuse = (expected: string, why: string): ParsedOverride => ({ ok: false, message: `--set ${path}: expected ${expected}, found ${quoted(raw)} (${why})` });
  let value: unknown;
  try {
    // logLevel "error": parse errors throw; warnings are not printed to the console.
    value = parse(raw, { maxAliasCount: MAX_OVERRIDE_ALIASES, logLevel: "error" }) as unknown;
  } catch (error) {
    if (isStackOverflow(error)) return refuse(NESTING_EXPECTED, "nesting too deep to read");
    const why = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    return refuse("a value or an inline YAML distribution", shown(why));
  }
  if (nestingDepth(value) > MAX_NESTING) return refuse(NESTING_EXPECTED, `more than ${MAX_NESTING} levels`);
  return { ok: true, override: { path: text.slice(0, eq).trim(), value } };
}

/** A flag's text as the message shows it: on one line (control characters escaped) and at most 200 characters. */
function shown(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === "\n" ? "\\n" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  return line.length <= 200 ? line : `${line.slice(0, 200)}... (${line.length} characters)`;
}

function quoted(text: string): string {
  return `"${shown(text)}"`;
}
