import type { AgentName } from "../agents/registry.js";
import type { BuildContext } from "./buildContext.js";
import type { World } from "./world.js";

/** The step order and agent names come from the registry (agents/registry.ts). */
export { STEP_ORDER, type AgentName } from "../agents/registry.js";

/**
 * An agent owns part of the world state. Each quarter, in step order, it
 * reads what earlier agents wrote (this quarter) or what it kept (earlier
 * quarters) and writes its own part. After the market has cleared, agents
 * that hold stocks `settle`: they book what was actually used.
 *
 * Agents are built once per scenario and reused across runs: `reset`
 * restores the state of 2024Q1 from the run's parameters, without
 * allocating. An agent that reads what other agents publish (policy's
 * trigger conditions) does so in `bind`, called once every agent is built
 * and the model checks have passed.
 */
export interface Agent {
  readonly name: AgentName;
  bind?(ctx: BuildContext): void;
  reset(world: World): void;
  step(world: World): void;
  settle?(world: World): void;
}
