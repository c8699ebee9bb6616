import type { AgentEngine } from "../../model/agentDefinition.js";
import { MemoryAgent } from "./memoryAgent.js";

/** Memory as compiling a model needs it (no schema library: worker threads load this). */
export const memoryEngine: AgentEngine<"memory"> = {
  name: "memory",
  build: (ctx) => new MemoryAgent(ctx),
};
