import type { CompiledModel } from "../model/compileModel.js";
import type { World } from "../model/world.js";
import { CONSTRAINTS, INACTIVE } from "../model/constraints.js";
import { quarterLabel } from "../time/index.js";
import { InvariantError } from "./invariantError.js";
import type { QuarterWatcher } from "./runOnce.js";
import type { RunNaming } from "./runNaming.js";

/** What must hold after every quarter of every run, whatever the parameters. */
export const INVARIANTS = ["finite", "nonNegative", "share", "binding", "dies", "hbm", "packaging", "delivery", "dieFlow", "unitFlow", "retirement"] as const;
export type InvariantId = (typeof INVARIANTS)[number];

/**
 * Relative slack for comparisons between quantities computed along
 * different paths (a product divided back, a running sum): rounding, never
 * a modelling difference, is all it should absorb.
 */
const RELATIVE_TOLERANCE = 1e-9;

/** a <= b up to rounding of numbers of the size of `scale` (by default, of a and b). */
function atMost(a: number, b: number, scale = Math.max(Math.abs(a), Math.abs(b))): boolean {
  return a <= b + RELATIVE_TOLERANCE * scale;
}

/**
 * Checks the world after each quarter (after every agent stepped and
 * settled): counts are finite and not negative, shares lie in [0, 1], a
 * design that ships has one binding constraint, no design packages more
 * than its dies, HBM stacks or packaging slots allow nor deploys more than
 * was offered, dies and packaged accelerators are conserved from one
 * quarter to the next, and installed compute falls by no more than what
 * retires. Off the default path: runMonteCarlo builds one only when asked
 * (tests, --replay).
 */
export class InvariantChecker implements QuarterWatcher {
  private readonly pServiceLife: number;
  private readonly pInstalledAtStart: number;
  private readonly oInstalled: number;
  private readonly oAdded: number;
  private readonly dieFlow: { stocks: number[]; inflows: number[]; outflows: number[] };
  private readonly unitFlow: { stocks: number[]; inflows: number[]; outflows: number[] };
  /** Each flow's stocks at the end of the last quarter checked, and that quarter (-1: none yet). */
  private previousDies = 0;
  private previousUnits = 0;
  private lastQuarter = -1;
  private readonly domestic: readonly boolean[];
  /** Compute added in each quarter of this run, to know what retires L quarters later. */
  private readonly added: Float64Array;
  private life = 1;
  private initial = 0;
  private previousInstalled = 0;

  constructor(
    private readonly model: CompiledModel,
    /** Names the run in the error: a Monte Carlo run to replay, or a sensitivity evaluation. */
    private readonly naming: RunNaming,
  ) {
    const path = (p: string) => requireIndex(model.table.indexOfPath(p), p);
    const observable = (id: string) => requireIndex(model.observables.indexOf(id), id);
    this.pServiceLife = path("market.serviceLife");
    this.pInstalledAtStart = path("market.installedAtStart");
    this.oInstalled = observable("compute.installedH100e");
    this.oAdded = observable("compute.addedH100e");
    this.domestic = model.context.domestic;
    this.added = new Float64Array(model.world.layout.quarters);
    const domesticIds = model.context.designIds.filter((_id, d) => this.domestic[d]);
    this.dieFlow = {
      stocks: ["dies.inventory", "dies.bankRemaining"].map(observable),
      inflows: [...domesticIds.map((id) => `dies.${id}`), "dies.bankArrivals"].map(observable),
      outflows: ["dies.packaged", "dies.writtenOff"].map(observable),
    };
    this.unitFlow = {
      stocks: ["packaged.inTransit", "packaged.waiting"].map(observable),
      inflows: ["packaged.units"].map(observable),
      outflows: ["accelerators.domestic"].map(observable),
    };
  }

  /** Called after the agents reset, before quarter 0. */
  beginRun(w: World): void {
    this.life = Math.max(1, Math.round(w.p(this.pServiceLife)));
    this.initial = w.p(this.pInstalledAtStart);
    this.previousInstalled = this.initial;
    this.added.fill(0);
    this.lastQuarter = -1;
  }

  afterQuarter(w: World): void {
    this.checkCounts(w);
    this.checkShares(w);
    this.checkBinding(w);
    this.checkPackaging(w);
    this.checkDelivery(w);
    // Stocks are conserved from one quarter to the next; the first quarter only sets them (its pipelines start primed).
    const consecutive = w.q === this.lastQuarter + 1 && this.lastQuarter >= 0;
    this.previousDies = this.checkFlow(w, "dieFlow", "dies waiting (stock and banks)", this.dieFlow, consecutive ? this.previousDies : undefined);
    this.previousUnits = this.checkFlow(w, "unitFlow", "domestic accelerators in transit or waiting", this.unitFlow, consecutive ? this.previousUnits : undefined);
    this.lastQuarter = w.q;
    this.checkRetirement(w);
  }

  private checkCounts(w: World): void {
    const list = this.model.observables.list;
    for (let o = 0; o < list.length; o++) {
      const v = w.obs[o] as number;
      const id = (list[o] as { id: string }).id;
      if (!Number.isFinite(v)) this.fail(w, "finite", `${id} is ${v}`);
      if (v < 0) this.fail(w, "nonNegative", `${id} is ${v}`);
    }
    const arrays: [string, ArrayLike<number>][] = [
      ["nodeWafers", w.nodeWafers],
      ["nodeAiWafers", w.nodeAiWafers],
      ["goodDies", w.goodDies],
      ["hbmPool", w.hbmPool],
      ["hbmAllocation", w.hbmAllocation],
      ["dieStock", w.dieStock],
      ["bankDies", w.bankDies],
      ["diesInFab", w.diesInFab],
      ["supplyUnits", w.supplyUnits],
      ["offeredUnits", w.offeredUnits],
      ["deployedUnits", w.deployedUnits],
      ["duvExposures", [w.duvExposures]],
      ["euvExposures", [w.euvExposures]],
      ["interposerWafers", [w.interposerWafers]],
      ["installedPowerGW", [w.installedPowerGW]],
      ["powerShortfallGW", [w.powerShortfallGW]],
    ];
    for (const [name, values] of arrays) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i] as number;
        if (!Number.isFinite(v)) this.fail(w, "finite", `world.${name}[${i}] is ${v}`);
        if (v < 0) this.fail(w, "nonNegative", `world.${name}[${i}] is ${v}`);
      }
    }
  }

  /** Observables of kind ratio (the domestic shares among them) lie in [0, 1]. */
  private checkShares(w: World): void {
    const list = this.model.observables.list;
    for (let o = 0; o < list.length; o++) {
      const info = list[o] as { id: string; kind: string };
      const v = w.obs[o] as number;
      if (info.kind === "ratio" && !(v >= 0 && v <= 1)) this.fail(w, "share", `${info.id} is ${v}, outside [0, 1]`);
    }
  }

  /**
   * A design that ships has exactly one binding constraint and one that
   * does not has none, so each design-year's shares of binding constraints
   * sum to 1 over the quarters it shipped. An import that does not ship
   * deploys nothing (a domestic design may still deploy what was in
   * transit at its end of life).
   */
  private checkBinding(w: World): void {
    const ids = this.model.context.designIds;
    for (let d = 0; d < ids.length; d++) {
      const code = w.binding[d] as number;
      if (w.designActive[d]) {
        if (!(code >= 0 && code < CONSTRAINTS.length)) this.fail(w, "binding", `${ids[d] ?? d} shipped with binding constraint code ${code}, not one of ${CONSTRAINTS.join(", ")}`);
      } else if (code !== INACTIVE || (!this.domestic[d] && (w.deployedUnits[d] as number) !== 0)) {
        this.fail(w, "binding", `${ids[d] ?? d} did not ship, yet has binding constraint code ${code} and ${w.deployedUnits[d]} deployed`);
      }
    }
  }

  /**
   * Good units a domestic design packaged fit within each supply term:
   * good dies (stock and bank claim) / dies per package, stacks / stacks
   * per package, and packaging slots, each times package yield. An
   * import's deployment fits within its policy-limited offer (its die term).
   */
  private checkPackaging(w: World): void {
    const ids = this.model.context.designIds;
    for (let d = 0; d < ids.length; d++) {
      if (!w.designActive[d]) continue;
      const domestic = this.domestic[d];
      const units = domestic ? (w.supplyUnits[d] as number) : (w.deployedUnits[d] as number);
      const verb = domestic ? "packaged" : "deployed";
      const terms: [InvariantId, number][] = domestic
        ? [
            ["dies", w.dieTerm[d] as number],
            ["hbm", w.hbmTerm[d] as number],
            ["packaging", w.packagingTerm[d] as number],
          ]
        : [["dies", w.dieTerm[d] as number]];
      for (const [invariant, allowed] of terms) {
        if (!atMost(units, allowed)) this.fail(w, invariant, `${ids[d] ?? d} ${verb} ${units} accelerators, more than the ${allowed} its ${invariant} allow`);
      }
    }
  }

  /** A domestic design deploys no more than was offered to the market: what arrived plus what waited. */
  private checkDelivery(w: World): void {
    const ids = this.model.context.designIds;
    for (let d = 0; d < ids.length; d++) {
      if (!this.domestic[d]) continue;
      const deployed = w.deployedUnits[d] as number;
      const offered = w.offeredUnits[d] as number;
      if (!atMost(deployed, offered)) this.fail(w, "delivery", `${ids[d] ?? d} deployed ${deployed} accelerators, more than the ${offered} offered`);
    }
  }

  /**
   * A stock carried between quarters changes by its inflows less its
   * outflows (all observables): last quarter's level + in - out = this
   * quarter's, up to rounding. Returns this quarter's level.
   */
  private checkFlow(w: World, invariant: InvariantId, name: string, flow: { stocks: number[]; inflows: number[]; outflows: number[] }, previous: number | undefined): number {
    const sum = (list: number[]) => list.reduce((s, o) => s + (w.obs[o] as number), 0);
    const level = sum(flow.stocks);
    if (previous !== undefined) {
      const inflow = sum(flow.inflows);
      const outflow = sum(flow.outflows);
      const expected = previous + inflow - outflow;
      const scale = Math.max(previous, inflow, outflow, level);
      if (!atMost(Math.abs(level - expected), 0, scale * 1e3)) {
        this.fail(w, invariant, `${name}: ${previous} at the start, ${inflow} in and ${outflow} out, so ${expected} at the end, yet ${level}`);
      }
    }
    return level;
  }

  /**
   * Installed compute at the end of quarter q is last quarter's plus what
   * was added, less what retired: at most installedAtStart / L while the
   * pre-2024 base retires, plus what was added L quarters ago.
   */
  private checkRetirement(w: World): void {
    const q = w.q;
    const installed = w.obs[this.oInstalled] as number;
    const added = w.obs[this.oAdded] as number;
    this.added[q] = added;
    const legacy = q < this.life ? this.initial / this.life : 0;
    const leaving = q >= this.life ? (this.added[q - this.life] as number) : 0;
    const floor = this.previousInstalled + added - legacy - leaving;
    // The model keeps a running sum, so rounding is on the scale of the base, not of the difference.
    if (!atMost(floor, installed, Math.max(this.previousInstalled, added))) {
      this.fail(w, "retirement", `installed compute fell from ${this.previousInstalled} to ${installed} H100e with ${added} added; retirement allows no lower than ${floor}`);
    }
    this.previousInstalled = installed;
  }

  private fail(w: World, invariant: InvariantId, detail: string): never {
    throw new InvariantError(this.naming, w.runIndex, quarterLabel(w.q), invariant, detail);
  }
}

function requireIndex(index: number | undefined, name: string): number {
  if (index === undefined) throw new Error(`invariant checker: the model has no ${name}`);
  return index;
}
