import { stringify } from "yaml";
import type { ResolvedScenario } from "@chipsim/core";
import { parseOverrides } from "./scenarioLibrary.js";
import { setTexts, type PageState } from "./pageState.js";

export const PLAYGROUND_ASSUMPTION = "Set in the chipsim playground.";

/**
 * The edited scenario as a file `chipsim run` accepts as it is: it extends
 * the built-in scenario, fixes the seed and runs shown on screen, and sets
 * each overridden parameter (with an assumption, as every number needs a
 * source or one).
 */
export function editedScenarioYaml(state: PageState, base: ResolvedScenario): string {
  const sets = setTexts(state);
  const tree: Record<string, unknown> = {
    id: `${base.meta.id}-edited`,
    title: `${base.meta.title}, edited`,
    description: sets.length > 0 ? `${base.meta.id} with ${sets.join(", ")}.` : `${base.meta.id} as built in.`,
    extends: base.meta.id,
    runs: state.runs,
    seed: state.seed ?? base.meta.seed,
  };
  for (const { path, value } of parseOverrides(sets)) {
    const keys = path.split(".");
    const last = keys.pop();
    if (last === undefined) continue;
    let node = tree;
    for (const key of keys) {
      const next = node[key];
      node = typeof next === "object" && next !== null ? (next as Record<string, unknown>) : (node[key] = {});
    }
    node[last] = typeof value === "object" && value !== null ? { ...value, assumption: PLAYGROUND_ASSUMPTION } : { value, assumption: PLAYGROUND_ASSUMPTION };
  }
  return `# Written by the chipsim playground. Run it with: chipsim run ${base.meta.id}-edited.yaml\n${stringify(tree, { lineWidth: 0 })}`;
}
