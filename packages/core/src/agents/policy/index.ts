import { supportOf } from "../../distributions/support.js";
import type { AgentDefinition } from "../../model/agentDefinition.js";
import type { Param } from "../../schema/param.js";
import { policyEngine } from "./engine.js";
import { leversSchema } from "./leversSchema.js";
import { subsidiesSchema } from "./subsidiesSchema.js";
import { triggersSchema } from "./triggersSchema.js";

const sections = {
  levers: leversSchema.describe("Export controls and industrial policy: when each lever is in force and how strongly (every lever, by its fixed id)."),
  triggers: triggersSchema.optional().describe("Conditional policy by id: when an indicator crosses a threshold, a lever moves to a new strength after a delay."),
  subsidies: subsidiesSchema.describe("The new state support package: its size, how it is spent and what capacity costs."),
};

/** Policy: the levers, the triggers that move them, and the support package it spends. */
export const policyDefinition: AgentDefinition<"policy", typeof sections> = {
  ...policyEngine,
  sections,
  crossChecks(tree, issue) {
    if (tree.subsidies) {
      const shares = [tree.subsidies.advancedLogicShare, tree.subsidies.hbmShare, tree.subsidies.packagingShare];
      const most = shares.reduce((sum, p) => sum + maxOf(p), 0);
      if (most > 1 + 1e-12) {
        issue("subsidies", "advancedLogicShare + hbmShare + packagingShare of at most 1 in every run", `shares that can sum to ${Number(most.toFixed(4))}`);
      }
    }
    for (const [id, lever] of Object.entries(tree.levers ?? {})) {
      const periods: [string, { start: Param; end?: Param | undefined }][] = [[`levers.${id}`, lever], ...(lever.windows ?? []).map((w, k) => [`levers.${id}.windows.${k}`, w] as [string, typeof w])];
      for (const [path, period] of periods) {
        if (period.end && maxOf(period.start) > minOf(period.end)) issue(`${path}.end`, "an end after the start in every run", "an end that can come before the start");
      }
    }
  },
};

function maxOf(p: Param): number {
  return supportOf(p.dist)[1];
}

function minOf(p: Param): number {
  return supportOf(p.dist)[0];
}
