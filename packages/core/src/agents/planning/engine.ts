import type { AgentEngine } from "../../model/agentDefinition.js";
import { PlanningAgent } from "./planningAgent.js";

/** Planning as compiling a model needs it (no schema library: worker threads load this). */
export const planningEngine: AgentEngine<"planning"> = {
  name: "planning",
  build: (ctx) => new PlanningAgent(ctx),
};
