import type { ResolvedScenario } from "../config/resolvedScenario.js";
import { LEVER_IDS, type LeverId } from "../schema/leverIds.js";
import type { DomesticDesignTree, ImportDesignTree } from "../schema/scenario.js";
import { generationRank, type HbmGeneration } from "../schema/hbmGenerations.js";
import { quarterCount } from "../time/index.js";
import type { ObservableRegistry } from "./observables.js";
import type { ParamTable } from "./paramTable.js";

/** An HBM pool: stacks of one generation from one origin. */
export interface HbmPoolInfo {
  readonly id: string;
  readonly generation: HbmGeneration;
  readonly rank: number;
  readonly foreign: boolean;
}

/**
 * What agents are built from: the resolved scenario, the parameter table
 * and observable registry they register with, and the fixed orderings of
 * levers, nodes, designs, HBM pools and die banks (index = position).
 */
export class BuildContext {
  readonly quarters: number;
  readonly nodeIds: readonly string[];
  readonly designIds: readonly string[];
  readonly domestic: readonly boolean[];
  readonly hbmPools: readonly HbmPoolInfo[];
  readonly dieBankIds: readonly string[];

  constructor(
    readonly scenario: ResolvedScenario,
    readonly table: ParamTable,
    readonly observables: ObservableRegistry,
  ) {
    const tree = scenario.tree;
    this.quarters = quarterCount(scenario.meta.horizon);
    this.nodeIds = Object.keys(tree.nodes);
    this.designIds = Object.keys(tree.designs);
    this.domestic = this.designIds.map((id) => tree.designs[id]?.origin === "domestic");
    this.dieBankIds = Object.keys(tree.dieBanks);
    // Pools in the order designs draw on them: oldest generation first, and
    // within a generation the finite foreign stockpile before domestic output.
    const pools: HbmPoolInfo[] = Object.keys(tree.memory.domestic.generations).map((g) => ({
      id: `domestic-${g}`,
      generation: g as HbmGeneration,
      rank: generationRank(g as HbmGeneration),
      foreign: false,
    }));
    const foreignGeneration = tree.memory.foreign.generation;
    pools.push({ id: `foreign-${foreignGeneration}`, generation: foreignGeneration, rank: generationRank(foreignGeneration), foreign: true });
    pools.sort((a, b) => a.rank - b.rank || Number(b.foreign) - Number(a.foreign));
    this.hbmPools = pools;
  }

  leverIndex(id: LeverId): number {
    return LEVER_IDS.indexOf(id);
  }

  nodeIndex(id: string): number {
    const i = this.nodeIds.indexOf(id);
    if (i < 0) throw new Error(`unknown node ${id}`);
    return i;
  }

  domesticDesign(i: number): DomesticDesignTree | undefined {
    const d = this.scenario.tree.designs[this.designIds[i] as string];
    return d?.origin === "domestic" ? d : undefined;
  }

  importDesign(i: number): ImportDesignTree | undefined {
    const d = this.scenario.tree.designs[this.designIds[i] as string];
    return d?.origin === "import" ? d : undefined;
  }
}
