import type { AgentEngine } from "../../model/agentDefinition.js";
import { PackagingAgent } from "./packagingAgent.js";

/** Packaging as compiling a model needs it (no schema library: worker threads load this). */
export const packagingEngine: AgentEngine<"packaging"> = {
  name: "packaging",
  build: (ctx) => new PackagingAgent(ctx),
};
