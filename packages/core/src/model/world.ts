/** Sizes of the world's arrays, fixed when a scenario is compiled. */
export interface WorldLayout {
  readonly quarters: number;
  readonly params: number;
  readonly observables: number;
  readonly levers: number;
  readonly nodes: number;
  /** Domestic and imported designs in one list. */
  readonly designs: number;
  /** HBM pools: one per domestic generation plus the foreign stockpile. */
  readonly hbmPools: number;
  readonly dieBanks: number;
}

/**
 * The state agents share, as flat typed arrays reused across runs (no
 * allocation per run or per quarter). Each field is written by one agent,
 * named beside it, and read by the agents after it in step order or by
 * the same agent next quarter. State an agent keeps to itself lives in the
 * agent.
 */
export class World {
  readonly layout: WorldLayout;
  /** Quarter being computed: 0 = 2024Q1. */
  q = 0;
  runIndex = 0;

  /** This run's parameter values, by ParamTable index. Written before the run. */
  readonly params: Float64Array;
  /** This quarter's observables (every agent), and last quarter's (read by triggers). */
  readonly obs: Float64Array;
  readonly prevObs: Float64Array;

  // policy
  /** Effective strength of each lever this quarter, in [0, 1] (last quarter's: prevObs levers.<id>). */
  readonly lever: Float64Array;
  /** Subsidy money spent in each quarter so far (USD), for lagged capacity orders. */
  readonly subsidyFunding: Float64Array;

  // lithography
  /** DUV and EUV wafer exposures available for advanced nodes this quarter. */
  duvExposures = 0;
  euvExposures = 0;

  // planning (written at the end of the quarter before)
  /**
   * AI wafer starts each domestic design's plan asks for this quarter, and
   * their sum per node; Infinity before the first plan (2024Q1 runs on the
   * plans of 2023: the lines' whole AI capacity).
   */
  readonly waferRequest: Float64Array;
  readonly nodeAiRequest: Float64Array;

  // fabs
  /** Advanced wafers started per node this quarter, and those going to AI accelerators (at most what the plans asked). */
  readonly nodeWafers: Float64Array;
  readonly nodeAiWafers: Float64Array;
  /** 1 when the node's wafers were cut by lithography capacity this quarter. */
  readonly nodeLithoBound: Uint8Array;
  /** Share of the node's wafers whose critical layers used EUV this quarter. */
  readonly nodeEuvFraction: Float64Array;

  // yield
  /** Good compute dies coming out of the fab this quarter per design (from wafers started a cycle time earlier). */
  readonly goodDies: Float64Array;
  /** Good dies still in the fab per design, and good dies a wafer started now would give. */
  readonly diesInFab: Float64Array;
  readonly goodDiesPerWafer: Float64Array;

  // memory
  /** HBM stacks available in each pool (stock plus this quarter's output). */
  readonly hbmPool: Float64Array;

  // packaging
  /** 2.5D interposer wafers available this quarter. */
  interposerWafers = 0;

  // designs
  /** 1 when the design ships (packages, or for an import is offered) this quarter. */
  readonly designActive: Uint8Array;
  /**
   * What each supply constraint allows this quarter, in good packaged units:
   * dies, HBM stacks, packaging slots, each with what the other designs
   * left unused (domestic designs); for imports the die term holds the
   * policy-limited offer and the others are unused.
   */
  readonly dieTerm: Float64Array;
  readonly hbmTerm: Float64Array;
  readonly packagingTerm: Float64Array;
  /** Domestic: good units packaged this quarter (at most each term); imports: the offer. */
  readonly supplyUnits: Float64Array;
  /** Stacks each design built into packages this quarter from each pool (design-major). */
  readonly hbmAllocation: Float64Array;
  /** Good dies each domestic design holds, not yet packaged; the part of a die bank held for it; dies left in each bank. */
  readonly dieStock: Float64Array;
  readonly bankPart: Float64Array;
  readonly bankDies: Float64Array;

  // power
  /** Facility power free for new accelerators this quarter (GW). */
  spareGW = 0;
  /** Facility power one deployed unit of each design draws (GW), fixed within a run. */
  readonly unitPowerGW: Float64Array;

  // market
  /** Domestic units the market could deploy this quarter: arrivals plus finished units still waiting. */
  readonly offeredUnits: Float64Array;
  /** Finished domestic units delivered and not bought or powered, waiting to be offered again (read by planning). */
  readonly unsoldUnits: Float64Array;
  /** Accelerators deployed this quarter per design, and the binding constraint (ConstraintCode or INACTIVE). */
  readonly deployedUnits: Float64Array;
  readonly binding: Int8Array;
  /** Facility power drawn by the installed base at the end of the quarter (GW). */
  installedPowerGW = 0;
  /** Facility power the accelerators bought this quarter needed beyond what was spare (GW); the power agent starts data centres for it. */
  powerShortfallGW = 0;
  /** First quarter in which potential domestic supply met demand, or -1. */
  supplyMetDemandQuarter = -1;

  constructor(layout: WorldLayout) {
    this.layout = layout;
    this.params = new Float64Array(layout.params);
    this.obs = new Float64Array(layout.observables);
    this.prevObs = new Float64Array(layout.observables);
    this.lever = new Float64Array(layout.levers);
    this.subsidyFunding = new Float64Array(layout.quarters);
    this.waferRequest = new Float64Array(layout.designs);
    this.nodeAiRequest = new Float64Array(layout.nodes);
    this.nodeWafers = new Float64Array(layout.nodes);
    this.nodeAiWafers = new Float64Array(layout.nodes);
    this.nodeLithoBound = new Uint8Array(layout.nodes);
    this.nodeEuvFraction = new Float64Array(layout.nodes);
    this.goodDies = new Float64Array(layout.designs);
    this.diesInFab = new Float64Array(layout.designs);
    this.goodDiesPerWafer = new Float64Array(layout.designs);
    this.hbmPool = new Float64Array(layout.hbmPools);
    this.designActive = new Uint8Array(layout.designs);
    this.dieTerm = new Float64Array(layout.designs);
    this.hbmTerm = new Float64Array(layout.designs);
    this.packagingTerm = new Float64Array(layout.designs);
    this.supplyUnits = new Float64Array(layout.designs);
    this.hbmAllocation = new Float64Array(layout.designs * layout.hbmPools);
    this.dieStock = new Float64Array(layout.designs);
    this.bankPart = new Float64Array(layout.designs);
    this.bankDies = new Float64Array(layout.dieBanks);
    this.unitPowerGW = new Float64Array(layout.designs);
    this.offeredUnits = new Float64Array(layout.designs);
    this.deployedUnits = new Float64Array(layout.designs);
    this.unsoldUnits = new Float64Array(layout.designs);
    this.binding = new Int8Array(layout.designs);
  }

  /** Value of parameter `index` in this run. */
  p(index: number): number {
    return this.params[index] as number;
  }

  /** Called at the start of each run. Agents reset their own parts. */
  beginRun(runIndex: number): void {
    this.runIndex = runIndex;
    this.q = 0;
    this.obs.fill(0);
    this.prevObs.fill(0);
    this.lever.fill(0);
    this.subsidyFunding.fill(0);
    this.installedPowerGW = 0;
    this.powerShortfallGW = 0;
    this.supplyMetDemandQuarter = -1;
    this.spareGW = 0;
  }

  /** Called before each quarter: this quarter's observables start from zero, last quarter's are kept. */
  beginQuarter(q: number): void {
    this.q = q;
    this.prevObs.set(this.obs);
    this.obs.fill(0);
  }
}
