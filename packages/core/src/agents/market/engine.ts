import type { AgentEngine } from "../../model/agentDefinition.js";
import { MarketAgent } from "./marketAgent.js";

/** Market as compiling a model needs it (no schema library: worker threads load this). */
export const marketEngine: AgentEngine<"market"> = {
  name: "market",
  build: (ctx) => new MarketAgent(ctx),
};
