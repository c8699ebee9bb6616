import { scenarioChanges, type ResolvedScenario } from "@chipsim/core";
import type { ScenarioCache } from "./scenarioCache.js";
import { loadResolved, overrideText } from "./scenarioInput.js";
import { parseSetFlag } from "./setFlag.js";
import { UsageError } from "./usageError.js";

/**
 * The scenarios `chipsim compare` (and `report`) runs side by side: those named, each with
 * the `--set` overrides that apply to all of them, then one variant of the
 * first scenario per `--vs` ("baseline against baseline with these
 * changes", without writing a file).
 *
 * A `--set` on a field where the named scenarios differ would make them
 * equal there and hide the very difference the comparison is asked about,
 * so it is refused with the way to say what was meant.
 */
export function resolveSides(refs: readonly string[], sets: readonly string[] | undefined, variants: readonly string[] | undefined, cwd: string, cache?: ScenarioCache): ResolvedScenario[] {
  const changesOf = (variants ?? []).map(variantChanges);
  if (sets && sets.length > 0 && refs.length > 1) refuseSetsWhereScenariosDiffer(refs, sets, cwd, cache);
  const named = refs.map((ref) => loadResolved(ref, sets, cwd, cache));
  const first = named[0];
  if (!first) throw new UsageError("compare: expected at least one scenario, found none");
  const made = changesOf.map((changes) => {
    const variant = loadResolved(refs[0] as string, [...(sets ?? []), ...changes], cwd, cache);
    const label = changes.map(overrideText).join("; ");
    return { ...variant, meta: { ...variant.meta, id: `${first.meta.id}[${label}]`, title: `${first.meta.title}, with ${label}` } };
  });
  return [...named, ...made];
}

/** `--vs 'a.b=1; c.d=2050'`: the changes of one variant, each checked as a `--set` is. */
export function variantChanges(text: string): string[] {
  const changes = text
    .split(";")
    .map((c) => c.trim())
    .filter((c) => c !== "");
  if (changes.length === 0) throw new UsageError(`--vs: expected one or more path=value separated by ";", found "${text}"`);
  for (const change of changes) {
    try {
      parseSetFlag(change);
    } catch (error) {
      if (error instanceof UsageError) throw new UsageError(error.message.replace(/^--set /, "--vs "));
      throw error;
    }
  }
  return changes;
}

function refuseSetsWhereScenariosDiffer(refs: readonly string[], sets: readonly string[], cwd: string, cache?: ScenarioCache): void {
  const plain = refs.map((ref) => loadResolved(ref, undefined, cwd, cache));
  const [first, ...others] = plain as [ResolvedScenario, ...ResolvedScenario[]];
  const problems: string[] = [];
  for (const set of sets) {
    const path = parseSetFlag(set).path;
    for (const other of others) {
      const differs = scenarioChanges(first, other).find((c) => c.path === path || c.path.startsWith(`${path}.`) || path.startsWith(`${c.path}.`));
      if (!differs) continue;
      problems.push(
        `--set ${path}: expected a field the compared scenarios share, found one where ${other.meta.id} differs from ${first.meta.id} (${differs.path}): ` +
          `--set applies to every scenario, so the comparison would not show that difference. To change one side, use ` +
          `--vs '${overrideText(set)}' (the first scenario with that change, compared beside it), or a scenario file that extends one`,
      );
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
}
