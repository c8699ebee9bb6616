import type { BuildContext } from "./buildContext.js";

/**
 * The figures of each design that both the designs agent (what it can
 * package now) and the planning agent (what it expects to package) read:
 * when it ships and at what priority, and what one package takes. The
 * parameter indices are found once per model; `reset` sets this run's
 * values, so the step reads no parameter.
 */
export class DesignFigures {
  /** Launch and end of life (Infinity when the design has none). */
  readonly launch: Float64Array;
  readonly end: Float64Array;
  /** Ramp time, 0 for imports (they ship at full volume from launch). */
  readonly ramp: Float64Array;
  /** Priority (waferShare); 0 for imports. */
  readonly share: Float64Array;
  /** Dies and HBM stacks in one package, and packages per interposer wafer; 0 for imports. */
  readonly diesPerPackage: Float64Array;
  readonly stacks: Float64Array;
  readonly packagesPerWafer: Float64Array;
  // Parameter indices, -1 where a design has no such figure.
  private readonly pLaunch: Int32Array;
  private readonly pEnd: Int32Array;
  private readonly pRamp: Int32Array;
  private readonly pShare: Int32Array;
  private readonly pDiesPerPackage: Int32Array;
  private readonly pStacks: Int32Array;
  private readonly pPackagesPerWafer: Int32Array;

  constructor(ctx: BuildContext) {
    const t = ctx.table;
    const designs = ctx.designIds.map((_id, d) => {
      const common = ctx.domesticDesign(d) ?? ctx.importDesign(d);
      if (!common) throw new Error(`design ${d} missing`);
      return { common, dom: ctx.domesticDesign(d) };
    });
    this.pLaunch = Int32Array.from(designs, (x) => t.index(x.common.launch));
    this.pEnd = Int32Array.from(designs, (x) => t.optionalIndex(x.common.endOfLife));
    this.pRamp = Int32Array.from(designs, (x) => (x.dom ? t.index(x.dom.rampTime) : -1));
    this.pShare = Int32Array.from(designs, (x) => (x.dom ? t.index(x.dom.waferShare) : -1));
    this.pDiesPerPackage = Int32Array.from(designs, (x) => (x.dom ? t.index(x.dom.diesPerPackage) : -1));
    this.pStacks = Int32Array.from(designs, (x) => (x.dom ? t.index(x.dom.hbmStacks) : -1));
    this.pPackagesPerWafer = Int32Array.from(designs, (x) => (x.dom ? t.index(x.dom.packagesPerInterposerWafer) : -1));
    const n = designs.length;
    this.launch = new Float64Array(n);
    this.end = new Float64Array(n);
    this.ramp = new Float64Array(n);
    this.share = new Float64Array(n);
    this.diesPerPackage = new Float64Array(n);
    this.stacks = new Float64Array(n);
    this.packagesPerWafer = new Float64Array(n);
  }

  reset(params: Float64Array): void {
    for (let d = 0; d < this.launch.length; d++) {
      this.launch[d] = params[this.pLaunch[d] as number] as number;
      const end = this.pEnd[d] as number;
      this.end[d] = end < 0 ? Infinity : (params[end] as number);
      this.ramp[d] = valueOr0(params, this.pRamp[d] as number);
      this.share[d] = valueOr0(params, this.pShare[d] as number);
      this.diesPerPackage[d] = valueOr0(params, this.pDiesPerPackage[d] as number);
      this.stacks[d] = valueOr0(params, this.pStacks[d] as number);
      this.packagesPerWafer[d] = valueOr0(params, this.pPackagesPerWafer[d] as number);
    }
  }
}

/** A parameter's value, or 0 for index -1 (a figure the design does not have, never used). */
export function valueOr0(params: Float64Array, index: number): number {
  return index < 0 ? 0 : (params[index] as number);
}
