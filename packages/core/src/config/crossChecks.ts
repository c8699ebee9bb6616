import { AGENT_DEFINITIONS } from "../agents/sections.js";
import { issueSink, type ScenarioIssue } from "../errors.js";
import type { ScenarioTree } from "../schema/scenario.js";
import type { Location } from "./resolvedScenario.js";

/**
 * Rules that span fields: references between sections, and relations
 * between parameters that must hold in every run. Each agent holds the
 * rules on its own sections; they run here in step order. Given only the
 * sections the schema accepted (when it refused others), each checks the
 * rules whose sections are all there.
 */
export function crossCheck(tree: Partial<ScenarioTree>, locate: (path: string) => Location): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const issue = issueSink(issues, locate);
  for (const agent of AGENT_DEFINITIONS) agent.crossChecks?.(tree, issue);
  return issues;
}
