import { parse } from "yaml";
import type { Override } from "@chipsim/core";

export type ParsedOverride = { ok: true; override: Override } | { ok: false; message: string };

/**
 * `path=value`, as `--set` and the playground's URL write an override. The
 * value is read as inline YAML, so it can be a number (`0`), a number with
 * a unit (`5 GW`, `5GW`), a date (`2028Q3`) or a distribution
 * (`{dist: uniform, min: 2028, max: 2031}`).
 */
export function parseOverrideText(text: string): ParsedOverride {
  const eq = text.indexOf("=");
  if (eq <= 0) return { ok: false, message: `--set ${text}: expected path=value (e.g. levers.us-hbm-ban.strength=0), found no "="` };
  const path = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  if (raw === "") return { ok: false, message: `--set ${text}: expected a value after "=", found nothing` };
  try {
    return { ok: true, override: { path, value: parse(raw, { maxAliasCount: 10 }) as unknown } };
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, message: `--set ${path}: expected a value or an inline YAML distribution, found "${raw}" (${why})` };
  }
}
