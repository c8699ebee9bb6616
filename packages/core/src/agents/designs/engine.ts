import type { AgentEngine } from "../../model/agentDefinition.js";
import { DesignsAgent } from "./designsAgent.js";

/** Designs as compiling a model needs it (no schema library: worker threads load this). */
export const designsEngine: AgentEngine<"designs"> = {
  name: "designs",
  build: (ctx) => new DesignsAgent(ctx),
};
