import { conditionOperands } from "../agents/policy/policyAgent.js";
import { parseCondition } from "../agents/policy/triggerCondition.js";
import { harvestCondition, MAX_HARVEST_CONDITION } from "../agents/yield/coreHarvesting.js";
import { supportOf } from "../distributions/support.js";
import type { ScenarioIssue } from "../errors.js";
import { closestName } from "../closestName.js";
import type { BuildContext } from "./buildContext.js";
import type { ResolvedScenario } from "../config/resolvedScenario.js";
import { buildCorrelatedGroups, type CorrelatedGroup, type CorrelationPair } from "./correlation.js";

/**
 * Checks that need the model itself: trigger conditions name indicators
 * the agents publish, and core harvesting must stay within the range where
 * its formula is accurate.
 */
export function checkModelLimits(ctx: BuildContext): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const issue = (path: string, expected: string, found: string, suggestion?: string) =>
    issues.push({ ...ctx.scenario.locate(path), path, expected, found, ...(suggestion !== undefined ? { suggestion } : {}) });
  const operands = conditionOperands(ctx);
  for (const [id, trigger] of Object.entries(ctx.scenario.tree.triggers ?? {})) {
    const parsed = parseCondition(trigger.when, operands);
    if (!parsed.ok) issue(`triggers.${id}.when`, parsed.expected, parsed.found, parsed.suggestion);
  }
  ctx.designIds.forEach((id, d) => {
    const design = ctx.domesticDesign(d);
    if (!design) return;
    const maxCores = supportOf(design.cores.dist)[1];
    const minRequired = supportOf(design.coresRequired.dist)[0];
    if (maxCores >= minRequired && harvestCondition(maxCores, minRequired) > MAX_HARVEST_CONDITION) {
      issue(
        `designs.${id}.coresRequired`,
        `fewer spare cores for a die of ${maxCores} cores: the harvesting formula loses accuracy beyond 8 spare of 32 or 4 of 64`,
        `${maxCores - minRequired} spare cores`,
      );
    }
  });
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
  const issue = (path: string, expected: string, found: string, suggestion?: string) =>
    issues.push({ ...scenario.locate(path), path, expected, found, ...(suggestion !== undefined ? { suggestion } : {}) });
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
