import type { Param, ResolvedScenario } from "@chipsim/core";

/** A parameter whose distribution differs between two resolved scenarios (or exists in only one). */
export interface ParamChange {
  readonly path: string;
  readonly before?: Param;
  readonly after?: Param;
}

/** The resolved parameters in which `scenario` differs from `parent`. */
export function scenarioChanges(parent: ResolvedScenario, scenario: ResolvedScenario): ParamChange[] {
  const before = new Map(parent.params.map((p) => [p.path, p]));
  const after = new Map(scenario.params.map((p) => [p.path, p]));
  const changes: ParamChange[] = [];
  for (const [path, p] of after) {
    const old = before.get(path);
    if (!old || JSON.stringify(old.dist) !== JSON.stringify(p.dist)) changes.push({ path, after: p, ...(old ? { before: old } : {}) });
  }
  for (const [path, p] of before) if (!after.has(path)) changes.push({ path, before: p });
  return changes;
}
