import type { Override } from "@chipsim/core";
import { parseOverrideText } from "@chipsim/scenarios";
import { UsageError } from "./usageError.js";

/**
 * `--set path=value`. The value is read as inline YAML, so it can be a
 * number (`0`), a number with a unit (`5 GW`, `5GW`), a date (`2028Q3`) or a
 * distribution (`{dist: uniform, min: 2028, max: 2031}`).
 */
export function parseSetFlag(text: string): Override {
  const parsed = parseOverrideText(text);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.override;
}
