import { AGENTS } from "../agents/registry.js";
import { closestName } from "../closestName.js";
import { issueSink, type ScenarioIssue } from "../errors.js";
import type { BuildContext } from "./buildContext.js";
import type { ResolvedScenario } from "../config/resolvedScenario.js";
import { buildCorrelatedGroups, type CorrelatedGroup, type CorrelationPair } from "./correlation.js";

/**
 * Checks that need the model itself, each agent's in step order (policy's
 * trigger conditions name indicators the agents publish; yield's core
 * harvesting must stay within the range where its formula is accurate).
 */
export function checkAgents(ctx: BuildContext): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const issue = issueSink(issues, (path) => ctx.scenario.locate(path));
  for (const agent of AGENTS) agent.modelChecks?.(ctx, issue);
  return issues;
}

/**
 * The scenario's correlations as pairs of parameter indices, or the issues
 * that stop them: unknown or fixed parameters, a coefficient that is not a
 * fixed value, or coefficients that cannot hold together.
 */
export function correlationGroups(
  scenario: ResolvedScenario,
  indexOfPath: (path: string) => number | undefined,
): { groups: CorrelatedGroup[]; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const issue = issueSink(issues, (path) => scenario.locate(path));
  const pairs: CorrelationPair[] = [];
  (scenario.tree.correlations ?? []).forEach((c, k) => {
    const at = `correlations.${k}`;
    if (c.rank.dist.dist !== "fixed") {
      issue(`${at}.rank`, "a fixed correlation coefficient", `a ${c.rank.dist.dist} distribution`);
      return;
    }
    const ends = c.between.map((path, side) => {
      const index = indexOfPath(path);
      const param = index === undefined ? undefined : scenario.params[index];
      if (index === undefined || !param) issue(`${at}.between.${side}`, "a parameter path (see chipsim show)", `"${path}"`, closestName(path, scenario.params.map((p) => p.path)));
      else if (param.dist.dist === "fixed") issue(`${at}.between.${side}`, "an uncertain parameter (a distribution, not a fixed value)", `"${path}" fixed at ${param.dist.value}`);
      else return index;
      return undefined;
    });
    if (ends[0] !== undefined && ends[1] !== undefined) {
      if (ends[0] === ends[1]) issue(`${at}.between`, "two different parameters", `"${c.between[0]}" twice`);
      else pairs.push({ a: ends[0], b: ends[1], rank: c.rank.dist.value });
    }
  });
  if (issues.length > 0) return { groups: [], issues };
  const built = buildCorrelatedGroups(pairs);
  if (!built.ok) {
    const names = built.members.map((i) => scenario.params[i]?.path ?? String(i)).join(", ");
    issue("correlations", "correlations that can hold together (a positive-definite correlation matrix)", `coefficients among ${names} that cannot`);
    return { groups: [], issues };
  }
  return { groups: built.groups, issues };
}
