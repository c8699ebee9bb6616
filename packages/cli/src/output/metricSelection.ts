import { UsageError } from "../usageError.js";

/**
 * `--metrics`: which metrics `--per-run` writes. Each value is a list of
 * metric ids or globs separated by commas, and the flag may be repeated. A
 * glob's `*` stands for any run of characters, dots included, so
 * `accelerators.*` takes `accelerators.domestic` and `designer.*` takes
 * `designer.huawei.accelerators`; no other character is special, and a glob
 * must match the whole id. The metrics chosen keep the order of the metric
 * registry (the order of summary.json), each once however many patterns
 * match it.
 */
export function selectMetrics(texts: readonly string[], ids: readonly string[]): number[] {
  const patterns = texts.flatMap((t) => t.split(",")).map((p) => p.trim()).filter((p) => p !== "");
  if (patterns.length === 0) throw new UsageError(`--metrics: expected metric ids or globs such as 'accelerators.*', found ${texts.length === 0 ? "none" : JSON.stringify(texts.join(","))}`);
  const chosen = new Uint8Array(ids.length);
  for (const pattern of patterns) {
    const test = globTest(pattern);
    let matched = false;
    for (let i = 0; i < ids.length; i++) {
      if (test(ids[i] as string)) {
        chosen[i] = 1;
        matched = true;
      }
    }
    if (!matched) {
      const kind = pattern.includes("*") ? "a glob matching a metric id" : "a metric id";
      throw new UsageError(`--metrics: expected ${kind} of this scenario, found "${pattern}"; did you mean "${closestId(pattern, ids)}"?`);
    }
  }
  const indices: number[] = [];
  for (let i = 0; i < ids.length; i++) if (chosen[i]) indices.push(i);
  return indices;
}

/** Whether a metric id matches `pattern` (`*` is any run of characters, the rest literal, the whole id). */
export function globTest(pattern: string): (id: string) => boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  const re = new RegExp(`^${source}$`, "s");
  return (id) => re.test(id);
}

/**
 * The metric id nearest `pattern`: fewest single-character edits, where a
 * `*` of the pattern stands for any run of characters at no cost. The first
 * in registry order wins a tie.
 */
export function closestId(pattern: string, ids: readonly string[]): string {
  let best = ids[0] ?? "";
  let bestDistance = Infinity;
  for (const id of ids) {
    const d = wildcardDistance(pattern, id);
    if (d < bestDistance) {
      best = id;
      bestDistance = d;
    }
  }
  return best;
}

/** Edit distance between a pattern and a text, a pattern's `*` matching any substring for free. */
export function wildcardDistance(pattern: string, text: string): number {
  const n = text.length;
  let previous = new Array<number>(n + 1);
  let current = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    const p = pattern[i - 1];
    current[0] = p === "*" ? (previous[0] as number) : (previous[0] as number) + 1;
    for (let j = 1; j <= n; j++) {
      current[j] =
        p === "*"
          ? Math.min(previous[j] as number, current[j - 1] as number)
          : Math.min((previous[j - 1] as number) + (p === text[j - 1] ? 0 : 1), (previous[j] as number) + 1, (current[j - 1] as number) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[n] as number;
}
