import { conditionOperands } from "../agents/policy/policyAgent.js";
import { parseCondition } from "../agents/policy/triggerCondition.js";
import { harvestCondition, MAX_HARVEST_CONDITION } from "../agents/yield/coreHarvesting.js";
import { supportOf } from "../schema/readParam.js";
import type { ScenarioIssue } from "../errors.js";
import type { BuildContext } from "./buildContext.js";

/**
 * Checks that need the model itself: trigger conditions name indicators
 * the agents publish, and core harvesting must stay within the range where
 * its formula is accurate.
 */
export function checkModelLimits(ctx: BuildContext): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const issue = (path: string, expected: string, found: string) => issues.push({ ...ctx.scenario.locate(path), path, expected, found });
  const operands = conditionOperands(ctx);
  for (const [id, trigger] of Object.entries(ctx.scenario.tree.triggers ?? {})) {
    const parsed = parseCondition(trigger.when, operands);
    if (!parsed.ok) issue(`triggers.${id}.when`, parsed.expected, parsed.found);
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
