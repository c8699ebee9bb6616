import type { CompiledModel } from "@chipsim/core";

/**
 * The agents that model one thing each rather than a list of them:
 * lithography (the EUV programme), packaging, power and the market.
 */
const SINGLE_AGENTS = 4;

/**
 * A model's agent-steps per run, counted as the reference kernel counts
 * its own: every entity with state of its own, stepped once a quarter.
 * The world's lists count one per entry (designs, process nodes, HBM
 * pools, die banks, policy levers), the single agents one each.
 *
 * Two differences pull opposite ways. A design counts once although the
 * yield, designs and market agents each visit it, which makes the model's
 * steps look costlier than they are; and none of its steps draws a random
 * number (a run's draws are all made before it starts), where each of the
 * kernel's draws five, which makes them look cheaper.
 */
export function baselineAgentSteps(layout: CompiledModel["world"]["layout"]): number {
  return layout.quarters * (layout.designs + layout.nodes + layout.hbmPools + layout.dieBanks + layout.levers + SINGLE_AGENTS);
}
