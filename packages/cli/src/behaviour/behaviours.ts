/**
 * What each lever and input must do to the results, and why: the table
 * docs/behaviour.md measures and the behaviour tests check. A row names a
 * change (in `chipsim compare --vs` form), the metric-year it must move,
 * which way and by at least how much, and the mechanism that moves it.
 * Sizes are set at about half of what the model gives, so a row fails
 * when a mechanism breaks, not when a parameter is retuned.
 *
 * A row marked `pending` states a behaviour the model cannot produce yet
 * and names the mechanism it lacks; it is expected to fail until that
 * mechanism exists.
 */

export type Direction = "up" | "down";

/** A change to a scenario and the move it must cause in one metric-year, measured on paired runs. */
export interface Behaviour {
  readonly id: string;
  /** The scenario changed (default: the baseline). */
  readonly base?: string;
  /** Overrides on both sides, in the form of `change`: the conditions under which the change must act. */
  readonly given?: string;
  /** Overrides as `chipsim compare --vs` takes them: `path=value; path=value`. */
  readonly change: string;
  /** A metric id, or several joined by " + " and summed run by run. */
  readonly metric: string;
  readonly year: number;
  readonly direction: Direction;
  /** The least effect that counts: the mean paired difference as a fraction of the base median. */
  readonly minSize: number;
  /** The mechanism, in one sentence. */
  readonly why: string;
  /** The model mechanism this behaviour waits for, while the model lacks it. */
  readonly pending?: string;
}

/** A year-end stock that the runs of one scenario must keep below so many quarters of a yearly flow. */
export interface StockBound {
  readonly id: string;
  readonly base?: string;
  /** The stock (a year-end metric). */
  readonly metric: string;
  readonly year: number;
  /** The flow it is measured in (a metric per year, or several joined by " + "). */
  readonly flow: string;
  /** The bound, in quarters of that year's flow; it holds when the median over runs is within it. */
  readonly atMostQuarters: number;
  readonly why: string;
  readonly pending?: string;
}

/** Every domestic design's good dies made, for behaviours of dies whatever design makes them. */
/** The good dies of the designs made on N+3 (node n5). */
const N3_DIES = ["ascend-950", "ascend-960"].map((d) => `dies.${d}`).join(" + ");

/** Compute dies in the domestic accelerators deployed, by designer. */
const DOMESTIC_DIES_DEPLOYED = ["huawei", "cambricon", "metax", "baidu", "t-head", "hygon", "moore-threads", "enflame-biren-iluvatar"].map((d) => `designer.${d}.dies`).join(" + ");


/** H200s plentiful and shipping to the horizon: the conditions under which imports compete with domestic designs for buyers' money. */
const PLENTIFUL_H200 = "designs.nvidia-h200.supplyPerYear=4e6 accelerator/year; designs.nvidia-h200.endOfLife=2036Q1";

export const BEHAVIOURS: readonly Behaviour[] = [
  {
    id: "duv-controls-cut-wafers",
    change: "levers.us-duv-controls.strength=1",
    metric: "wafers.advanced",
    year: 2028,
    direction: "down",
    minSize: 0.2,
    why: "Full controls stop foreign immersion-scanner deliveries, so fewer scanner-hours reach the multi-patterned advanced nodes and fewer wafers start.",
  },
  {
    id: "servicing-ban-cuts-wafers",
    change: "levers.us-duv-servicing.strength=1",
    metric: "wafers.advanced",
    year: 2030,
    direction: "down",
    minSize: 0.2,
    why: "Without foreign servicing, scanner uptime falls and foreign tools wear out, so fewer exposures a quarter are left for advanced wafers.",
  },
  {
    id: "n7-defects-cut-910b-dies",
    change: "nodes.n7.d0AtStart=0.75 cm^-2",
    metric: "dies.ascend-910b",
    year: 2024,
    direction: "down",
    minSize: 0.1,
    why: "A higher starting defect density on N+2 lowers the die yield of the 665 mm2 910B, so the same wafers give fewer good dies.",
  },
  {
    id: "n7-defects-more-ai-wafers",
    change: "nodes.n7.d0AtStart=0.75 cm^-2",
    metric: "wafers.ai",
    year: 2025,
    direction: "up",
    minSize: 0.1,
    why: "Plans start wafers for the dies HBM and packaging can use: at a higher defect density each wafer gives fewer good dies, so more AI wafers start where the lines have capacity (the 910C's good dies fall by less than its yield).",
  },
  {
    id: "hbm-ban-lifted-more-stacks",
    change: "levers.us-hbm-ban.strength=0",
    metric: "hbm.stacksUsed",
    year: 2025,
    direction: "up",
    minSize: 0.1,
    why: "Without the ban the foreign HBM flow goes on after 2024, so 2025, when HBM binds much of domestic output, has more stacks to build into accelerators.",
  },
  {
    id: "hbm-ban-lifted-more-accelerators",
    change: "levers.us-hbm-ban.strength=0",
    metric: "accelerators.domestic",
    year: 2025,
    direction: "up",
    minSize: 0.1,
    why: "The stacks the ban would have kept out let dies waiting for memory be packaged as accelerators.",
  },
  {
    id: "no-pre-ban-rush-fewer-accelerators",
    change: "memory.foreign.preBanRush=0",
    metric: "accelerators.domestic",
    year: 2025,
    direction: "down",
    minSize: 0.2,
    why: "Without the stockpile bought just before the HBM ban, 2025's domestic accelerators have only the smaller foreign stock and domestic output to draw on.",
  },
  {
    id: "chip-exports-blocked-fewer-imports",
    change: "levers.us-ai-chip-exports.start=2024Q1; levers.us-ai-chip-exports.end=2035Q4",
    metric: "accelerators.imported",
    year: 2027,
    direction: "down",
    minSize: 0.5,
    why: "Blocking the licensed NVIDIA channel for the whole horizon removes the H20 and H200 supply that imports are drawn from.",
  },
  {
    id: "import-rejection-fewer-imports",
    change: "levers.cn-import-rejection.strength=1",
    metric: "accelerators.imported",
    year: 2027,
    direction: "down",
    minSize: 0.5,
    why: "Full rejection by Chinese regulators and buyers takes the share of offered NVIDIA parts that buyers accept to zero.",
  },
  {
    id: "larger-package-more-accelerators",
    change: "subsidies.packageTotal=1000e9 CNY",
    metric: "accelerators.domestic",
    year: 2030,
    direction: "up",
    minSize: 0.1,
    why: "More support money buys more HBM DRAM, logic and packaging capacity, so more accelerators once it has ramped: the plans start the extra logic wafers that the extra HBM can pair with.",
  },
  {
    id: "larger-package-more-hbm",
    change: "subsidies.packageTotal=1000e9 CNY",
    metric: "hbm.domesticOutput",
    year: 2029,
    direction: "up",
    minSize: 0.1,
    why: "The package's HBM share funds more DRAM wafers for HBM, so more domestic stacks are made.",
  },
  {
    id: "hbm-lines-more-accelerators",
    change: "fabs.cxmt-hbm.plannedAdditionsPerYear=15 kwpm/year",
    metric: "accelerators.domestic",
    year: 2028,
    direction: "up",
    minSize: 0.2,
    why: "HBM is the binding constraint of domestic designs from 2026, so more HBM wafer capacity turns waiting dies into accelerators.",
  },
  {
    id: "earlier-hbm3-more-m100s",
    change: "memory.domestic.generations.hbm3.start=2025Q3",
    metric: "accelerators.kunlun-m100",
    year: 2028,
    direction: "up",
    minSize: 0.5,
    why: "The Kunlun M100 takes HBM3 or newer stacks only, and its plans start wafers once such stacks exist: an earlier domestic HBM3 start brings its volume forward.",
  },
  {
    id: "interposers-more-accelerators",
    change: "packaging.interposerWpmAtStart=20 kwpm",
    metric: "accelerators.domestic",
    year: 2030,
    direction: "up",
    minSize: 0.01,
    why: "Packaging binds some runs' domestic designs around 2030, when HBM has grown and interposer lines have not kept up, so more interposer wafers package dies that would otherwise wait; in 2024-25 the dies bind first, so it does nothing then.",
  },
  {
    id: "foundry-ban-lifted-more-accelerators",
    change: "levers.us-foundry-ban.strength=0",
    metric: "accelerators.domestic",
    year: 2025,
    direction: "up",
    minSize: 0.01,
    why: "Without the foundry ban TSMC-made dies keep flowing into the bank; in 2025, while the foreign stockpile still covers it, HBM does not yet bind every design, and the extra dies become accelerators.",
  },
  {
    id: "foundry-ban-lifted-more-910c",
    given: "levers.us-hbm-ban.strength=0",
    change: "levers.us-foundry-ban.strength=0",
    metric: "accelerators.ascend-910c",
    year: 2025,
    direction: "up",
    minSize: 0.02,
    why: "Where HBM does not bind (no HBM ban), the TSMC-made dies the foundry ban keeps out are 910Cs not made; with the ban on HBM in force, HBM binds the 910C and the bank's dies only replace SMIC's (docs/model.md, lever table).",
  },
  {
    id: "empty-die-bank-fewer-910c",
    change: "dieBanks.tsmc-ascend.dies=0",
    metric: "accelerators.ascend-910c",
    year: 2025,
    direction: "down",
    minSize: 0.05,
    why: "With no TSMC-made dies banked before the ban, the 910C is left with SMIC's dies alone.",
  },
  {
    id: "less-power-fewer-accelerators",
    given: "power.connectionsPerYear=1 GW/year; power.connectionsGrowth=0",
    change: "power.availableAtStart=2 GW",
    metric: "compute.installedH100e",
    year: 2030,
    direction: "down",
    minSize: 0.1,
    why: "Where planned grid connections are slow, less data-centre power at the start leaves less room for new accelerators once the installed base draws its share, and data centres started for the shortfall connect only a grid-connection time later. With the baseline's planned connections (about 4 GW a year in 2025, against accelerators drawing about 1 GW a year more) the start hardly matters.",
  },
  {
    id: "slower-grid-build-out-power-short",
    given: "power.connectionsPerYear=2 GW/year; power.connectionsGrowth=0",
    change: "power.connectionsPerYear=1 GW/year",
    metric: "power.shortfallGW",
    year: 2035,
    direction: "up",
    minSize: 0.3,
    why: "Where planned grid connections already fall behind the accelerators bought, fewer of them leave more of each quarter's purchases without power, until data centres started for the shortfall connect.",
  },
  {
    id: "slower-grid-build-out-less-compute",
    change: "power.connectionsPerYear=1 GW/year; power.connectionsGrowth=0",
    metric: "compute.installedH100e",
    year: 2035,
    direction: "down",
    minSize: 0.1,
    why: "Accelerators bought without power wait for data centres that connect a grid-connection time later, and the money that waits with them is partly lost (market.budgetCarryOver), so less compute is installed.",
  },
  {
    id: "slower-grid-connection-less-compute",
    given: "power.connectionsPerYear=1 GW/year; power.connectionsGrowth=0",
    change: "power.gridConnectionTime=24 month",
    metric: "compute.installedH100e",
    year: 2035,
    direction: "down",
    minSize: 0.02,
    why: "Where power is short, data centres started for the shortfall connect later, so accelerators wait longer and more of the money waiting with them is lost.",
  },
  {
    id: "earlier-euv-more-wafers",
    change: "lithography.domesticEuv.readyYear=2028",
    metric: "wafers.advanced",
    year: 2031,
    direction: "up",
    minSize: 0.05,
    why: "Domestic EUV tools print the critical layers that DUV multi-patterns, so each wafer needs fewer scanner exposures and more wafers start.",
  },
  {
    id: "earlier-euv-more-domestic-compute",
    change: "lithography.domesticEuv.readyYear=2028",
    metric: "compute.addedDomesticH100e",
    year: 2031,
    direction: "up",
    minSize: 0.03,
    why: "Earlier EUV replaces multi-patterned layers on logic and DRAM nodes, freeing DUV scanner time for the DRAM lines that make HBM, and opens the EUV node: more stacks and stronger designs, so more domestic compute. Counted in H100-equivalents: once buyers' money binds (from about 2031) the dearer EUV-node parts buy fewer units for more compute.",
  },
  {
    id: "later-euv-less-domestic-compute",
    change: "lithography.domesticEuv.readyYear=2034",
    metric: "compute.addedDomesticH100e",
    year: 2033,
    direction: "down",
    minSize: 0.04,
    why: "Later EUV keeps the logic and DRAM nodes on DUV multi-patterning for longer: fewer DRAM wafers for HBM and no EUV node, so less domestic compute once the baseline's EUV tools have ramped (the cheaper N+3 parts it leaves buy more units with the same money).",
  },
  {
    id: "earlier-euv-more-hbm",
    change: "lithography.domesticEuv.readyYear=2028",
    metric: "hbm.domesticOutput",
    year: 2031,
    direction: "up",
    minSize: 0.01,
    why: "HBM's DRAM is made on the same scanners as logic, so EUV tools that relieve them let more DRAM wafers start for HBM.",
  },
  {
    id: "duv-controls-cut-hbm",
    change: "levers.us-duv-controls.strength=1",
    metric: "hbm.domesticOutput",
    year: 2030,
    direction: "down",
    minSize: 0.02,
    why: "Stopping scanner deliveries leaves the DRAM lines that make HBM short of exposures, as it does the logic lines.",
  },
  {
    id: "n5-defects-cut-dies",
    change: "nodes.n5.d0AtStart=1.0 cm^-2",
    metric: N3_DIES,
    year: 2030,
    direction: "down",
    minSize: 0.05,
    why: "The Ascend 950 and 960 are made on N+3, so a higher defect density there cuts their good dies.",
  },
  {
    id: "more-money-more-accelerators",
    change: "market.spendAtStart=300e9 CNY/year",
    metric: "accelerators.domestic",
    year: 2035,
    direction: "up",
    minSize: 0.02,
    why: "By the 2030s domestic supply outgrows buyers' budgets and finished units wait unsold; more money buys them.",
  },
  {
    id: "stronger-mandate-raises-domestic-share",
    given: PLENTIFUL_H200,
    change: "market.mandateCoverage=0.9",
    metric: "share.domestic",
    year: 2030,
    direction: "up",
    minSize: 0.03,
    why: "Where imports are plentiful enough that buyers' own choice falls below the mandate, the state-funded money that must buy domestic grows and imports are displaced; with the baseline's few imports the market's choice is already above it and the mandate does nothing.",
  },
  {
    id: "import-rejection-money-goes-home",
    given: PLENTIFUL_H200,
    change: "levers.cn-import-rejection.strength=1",
    metric: "accelerators.domestic",
    year: 2030,
    direction: "up",
    minSize: 0.05,
    why: "Money that would have bought rejected imports buys domestic accelerators that would otherwise wait unsold.",
  },
  {
    id: "dearer-nvidia-fewer-imports",
    given: PLENTIFUL_H200,
    change: "designs.nvidia-h200.price=40e3 USD",
    metric: "accelerators.imported",
    year: 2030,
    direction: "down",
    minSize: 0.05,
    why: "Buyers spend by compute per dollar: a dearer H200 draws less of their money, and each dollar buys fewer.",
  },
  {
    id: "next-generation-licensed-more-imports",
    change: "levers.us-next-generation-exports.strength=0",
    metric: "compute.addedH100e",
    year: 2028,
    direction: "up",
    minSize: 0.1,
    why: "Licensing the generation after the H200 lets the B30A ship from its launch (2026-2027): each carries about 1.2 H100-equivalents at an H200-like price, so buyers' money buys more compute.",
  },
  {
    id: "dearer-cambricon-wins-wafers",
    change: "designs.cambricon-590.price=180e3 CNY",
    metric: "dies.cambricon-590",
    year: 2025,
    direction: "up",
    minSize: 0.1,
    why: "SMIC's scarce AI wafers go by each design's bid, its priority times what a wafer's good dies sell for: doubling the 590's price doubles its bid, and buyers, whose money exceeds what is offered, still take every unit.",
  },
];

export const STOCK_BOUNDS: readonly StockBound[] = [
  {
    id: "die-inventory-within-two-quarters",
    metric: "dies.inventory",
    year: 2030,
    flow: DOMESTIC_DIES_DEPLOYED,
    atMostQuarters: 2,
    why: "Designers plan wafer starts against what HBM and packaging let them package, keeping a stated cover (planning.inventoryCover, under a quarter), so dies do not pile up behind the HBM limit.",
  },
];
