import { AGENTS } from "../agents/registry.js";
import type { ResolvedScenario } from "../config/resolvedScenario.js";
import { buildMetricRegistry, type MetricDef } from "../metrics/registry.js";
import { LEVER_IDS } from "../schema/leverIds.js";
import type { Agent } from "./agent.js";
import { ScenarioError, type ScenarioIssue } from "../errors.js";
import { BuildContext } from "./buildContext.js";
import { checkAgents, correlationGroups } from "./modelChecks.js";
import { ObservableRegistry } from "./observables.js";
import { ParamTable } from "./paramTable.js";
import { World } from "./world.js";

/** A scenario turned into agents over one reusable world: built once, run many times. */
export interface CompiledModel {
  readonly scenario: ResolvedScenario;
  readonly context: BuildContext;
  readonly table: ParamTable;
  readonly observables: ObservableRegistry;
  readonly metrics: readonly MetricDef[];
  /** Agents in step order. */
  readonly agents: readonly Agent[];
  /** Agents that settle, in reverse step order (downstream books use before upstream draws stocks down). */
  readonly settlers: readonly Agent[];
  readonly world: World;
}

/**
 * The problems compiling finds in a scenario the resolver has already
 * found others in (a missing source, a missing title), so that they are
 * reported together. Compiling such a scenario is only a way to look: if
 * it fails for any other reason, the problems already found stand alone.
 */
export function modelIssues(scenario: ResolvedScenario): ScenarioIssue[] {
  try {
    compileModel(scenario);
    return [];
  } catch (error) {
    return error instanceof ScenarioError ? [...error.issues] : [];
  }
}

export function compileModel(scenario: ResolvedScenario): CompiledModel {
  const pathIndex = new Map(scenario.params.map((p, i) => [p.path, i]));
  const correlations = correlationGroups(scenario, (path) => pathIndex.get(path));
  // Correlations that cannot be applied are reported with the checks below,
  // which the model built without them can still make.
  const table = new ParamTable(scenario.params, correlations.groups);
  const observables = new ObservableRegistry();
  const ctx = new BuildContext(scenario, table, observables);
  // Each agent's constructor registers the parameters it reads and the
  // observables it publishes, in step order.
  const agents: Agent[] = AGENTS.map((definition) => {
    const agent = definition.build(ctx);
    if (agent.name !== definition.name) throw new Error(`agent ${definition.name} built an agent named ${agent.name}`);
    return agent;
  });
  // Some checks (trigger conditions) need what every agent publishes, so
  // they run, and agents are bound, once every agent is built.
  const issues = [...correlations.issues, ...checkAgents(ctx)];
  if (issues.length > 0) throw new ScenarioError(issues);
  for (const agent of agents) agent.bind?.(ctx);
  const world = new World({
    quarters: ctx.quarters,
    params: table.size,
    observables: observables.size,
    levers: LEVER_IDS.length,
    nodes: ctx.nodeIds.length,
    designs: ctx.designIds.length,
    hbmPools: ctx.hbmPools.length,
    dieBanks: ctx.dieBankIds.length,
  });
  return {
    scenario,
    context: ctx,
    table,
    observables,
    metrics: buildMetricRegistry(
      observables,
      ctx.designIds.map((id) => ({ id, designer: scenario.tree.designs[id]?.designer ?? id })),
      { quarterly: scenario.meta.quarterly === true },
    ),
    agents,
    settlers: [...agents].reverse().filter((a) => a.settle !== undefined),
    world,
  };
}
