import type { z } from "zod";
import type { IssueSink } from "../errors.js";
import type { ScenarioTree } from "../schema/scenario.js";
import type { Agent } from "./agent.js";
import type { BuildContext } from "./buildContext.js";

/**
 * An agent is one folder, agents/<name>/: the scenario sections it owns,
 * the rules across their fields, the checks that need the built model, and
 * the Agent it builds (whose constructor registers the parameters it reads
 * and the observables it publishes). Its index.ts exports one
 * AgentDefinition. Adding an agent: that folder, a line in
 * agents/registry.ts and one in agents/sections.ts (both in step order),
 * its sections in the baseline scenario, and tests.
 *
 * The definition comes in two parts because worker threads load the engine
 * without zod: AgentEngine (agents/<name>/engine.ts, listed in
 * agents/registry.ts) is what compiling a model needs; AgentDefinition adds
 * the schema sections and cross-field rules that resolving a scenario needs
 * (listed in agents/sections.ts).
 */
export interface AgentEngine<N extends string = string> {
  readonly name: N;
  /** The agent for a scenario, built once and reused across runs. */
  build(ctx: BuildContext): Agent;
  /**
   * Checks that need the built model: run once every agent is built (so
   * every observable is registered), before any agent is bound.
   */
  modelChecks?(ctx: BuildContext, issue: IssueSink): void;
}

/** Top-level scenario sections by key: each a zod schema carrying its description. */
export type SectionShape = Readonly<Record<string, z.ZodType>>;

export interface AgentDefinition<N extends string = string, S extends SectionShape = SectionShape> extends AgentEngine<N> {
  /** The top-level scenario sections the agent owns. */
  readonly sections: S;
  /**
   * Rules across fields of its sections (and the sections they refer to)
   * that must hold in every run. Given only the sections the schema
   * accepted when it refused others, so a rule checks only when the
   * sections it needs are there.
   */
  crossChecks?(tree: Partial<ScenarioTree>, issue: IssueSink): void;
}
