import type { AgentEngine } from "../../model/agentDefinition.js";
import { conditionOperands, PolicyAgent } from "./policyAgent.js";
import { parseCondition } from "./triggerCondition.js";

/** Policy as compiling a model needs it (no schema library: worker threads load this). */
export const policyEngine: AgentEngine<"policy"> = {
  name: "policy",
  build: (ctx) => new PolicyAgent(ctx),
  /** Trigger conditions name indicators that any agent may publish, so they are checked once every agent is built. */
  modelChecks(ctx, issue) {
    const operands = conditionOperands(ctx);
    for (const [id, trigger] of Object.entries(ctx.scenario.tree.triggers ?? {})) {
      const parsed = parseCondition(trigger.when, operands);
      if (!parsed.ok) issue(`triggers.${id}.when`, parsed.expected, parsed.found, parsed.suggestion);
    }
  },
};
