import type { CompiledModel } from "../model/compileModel.js";
import type { World } from "../model/world.js";
import { CONSTRAINTS, INACTIVE } from "../model/constraints.js";
import { quarterLabel } from "../time/index.js";
import { InvariantError } from "./invariantError.js";
import type { QuarterWatcher } from "./runOnce.js";
import type { RunNaming } from "./runNaming.js";

/** What must hold after every quarter of every run, whatever the parameters. */
export const INVARIANTS = ["finite", "nonNegative", "share", "binding", "dies", "hbm", "packaging", "retirement"] as const;
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
 * design that ships has one binding constraint, no
 * design deploys more than its dies, HBM stacks or packaging slots allow,
 * and installed compute falls by no more than what retires. Off the
 * default path: runMonteCarlo builds one only when asked (tests, --replay).
 */
export class InvariantChecker implements QuarterWatcher {
  private readonly pServiceLife: number;
  private readonly pInstalledAtStart: number;
  private readonly oInstalled: number;
  private readonly oAdded: number;
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
  }

  /** Called after the agents reset, before quarter 0. */
  beginRun(w: World): void {
    this.life = Math.max(1, Math.round(w.p(this.pServiceLife)));
    this.initial = w.p(this.pInstalledAtStart);
    this.previousInstalled = this.initial;
    this.added.fill(0);
  }

  afterQuarter(w: World): void {
    this.checkCounts(w);
    this.checkShares(w);
    this.checkBinding(w);
    this.checkPackaging(w);
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
      ["supplyUnits", w.supplyUnits],
      ["deployedUnits", w.deployedUnits],
      ["duvExposures", [w.duvExposures]],
      ["euvExposures", [w.euvExposures]],
      ["interposerWafers", [w.interposerWafers]],
      ["installedPowerGW", [w.installedPowerGW]],
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
   * does not ships nothing, so each design-year's shares of binding
   * constraints sum to 1 over the quarters it shipped.
   */
  private checkBinding(w: World): void {
    const ids = this.model.context.designIds;
    for (let d = 0; d < ids.length; d++) {
      const code = w.binding[d] as number;
      if (w.designActive[d]) {
        if (!(code >= 0 && code < CONSTRAINTS.length)) this.fail(w, "binding", `${ids[d] ?? d} shipped with binding constraint code ${code}, not one of ${CONSTRAINTS.join(", ")}`);
      } else if (code !== INACTIVE || (w.deployedUnits[d] as number) !== 0) {
        this.fail(w, "binding", `${ids[d] ?? d} did not ship, yet has binding constraint code ${code} and ${w.deployedUnits[d]} deployed`);
      }
    }
  }

  /**
   * Deployed units of a domestic design fit within each supply term: good
   * dies (stock and bank claim) / dies per package, stacks allocated /
   * stacks per package, and packaging slots, each times package yield.
   * An import's fit within its policy-limited offer (its die term).
   */
  private checkPackaging(w: World): void {
    const ids = this.model.context.designIds;
    for (let d = 0; d < ids.length; d++) {
      if (!w.designActive[d]) continue;
      const deployed = w.deployedUnits[d] as number;
      const terms: [InvariantId, number][] = this.domestic[d]
        ? [
            ["dies", w.dieTerm[d] as number],
            ["hbm", w.hbmTerm[d] as number],
            ["packaging", w.packagingTerm[d] as number],
          ]
        : [["dies", w.dieTerm[d] as number]];
      for (const [invariant, allowed] of terms) {
        if (!atMost(deployed, allowed)) this.fail(w, invariant, `${ids[d] ?? d} deployed ${deployed} accelerators, more than the ${allowed} its ${invariant} allow`);
      }
    }
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
