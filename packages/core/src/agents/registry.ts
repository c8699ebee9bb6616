import { designsEngine } from "./designs/engine.js";
import { fabsEngine } from "./fabs/engine.js";
import { lithographyEngine } from "./lithography/engine.js";
import { marketEngine } from "./market/engine.js";
import { memoryEngine } from "./memory/engine.js";
import { packagingEngine } from "./packaging/engine.js";
import { planningEngine } from "./planning/engine.js";
import { policyEngine } from "./policy/engine.js";
import { powerEngine } from "./power/engine.js";
import { yieldEngine } from "./yield/engine.js";

/**
 * Every agent, in the order they step each quarter (docs/model.md, "Step
 * order"): what compiling a model needs of each, without the schema
 * library. agents/sections.ts lists the same agents' whole definitions, in
 * the same order, for resolving scenarios; model/agentDefinition.ts says
 * what an agent is and how to add one.
 */
export const AGENTS = [
  policyEngine,
  lithographyEngine,
  fabsEngine,
  yieldEngine,
  memoryEngine,
  packagingEngine,
  designsEngine,
  powerEngine,
  marketEngine,
  planningEngine,
] as const;

export type AgentName = (typeof AGENTS)[number]["name"];

/** The fixed order in which agents step each quarter. */
export const STEP_ORDER: readonly AgentName[] = AGENTS.map((agent) => agent.name);
