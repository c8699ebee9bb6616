import { parse } from "yaml";
import type { Override } from "@chipsim/core";
import { UsageError } from "./usageError.js";

/**
 * `--set path=value`. The value is read as inline YAML, so it can be a
 * number (`0`), a number with a unit (`5 GW`, `5GW`), a date (`2028Q3`) or a
 * distribution (`{dist: uniform, min: 2028, max: 2031}`).
 */
export function parseSetFlag(text: string): Override {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UsageError(`--set ${text}: expected path=value (e.g. levers.us-hbm-ban.strength=0), found no "="`);
  const path = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  if (raw === "") throw new UsageError(`--set ${text}: expected a value after "=", found nothing`);
  let value: unknown;
  try {
    value = parse(raw, { maxAliasCount: 10 });
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(`--set ${path}: expected a value or an inline YAML distribution, found "${raw}" (${why})`);
  }
  return { path, value };
}
