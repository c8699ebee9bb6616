import type { World } from "./world.js";

/** The fixed order in which agents step each quarter (DESIGN.md, "Agents"). */
export const STEP_ORDER = ["policy", "lithography", "fabs", "yield", "memory", "packaging", "designs", "power", "market", "planning"] as const;
export type AgentName = (typeof STEP_ORDER)[number];

/**
 * An agent owns part of the world state. Each quarter, in step order, it
 * reads what earlier agents wrote (this quarter) or what it kept (earlier
 * quarters) and writes its own part. After the market has cleared, agents
 * that hold stocks `settle`: they book what was actually used.
 *
 * Agents are built once per scenario and reused across runs: `reset`
 * restores the state of 2024Q1 from the run's parameters, without
 * allocating.
 */
export interface Agent {
  readonly name: AgentName;
  reset(world: World): void;
  step(world: World): void;
  settle?(world: World): void;
}
