/**
 * How lithography capacity limits wafer starts (CALIBRATION.md R7), over
 * every node that draws on the shared scanner pool, logic and DRAM alike.
 * EUV exposures go first to nodes that need EUV: each of their wafers
 * needs euvLayers of them, so their wafer starts are capped at the share
 * the EUV exposures cover. What is left covers the critical layers of as
 * many wafers as it can on the nodes that use EUV optionally (the same
 * share on each); there each EUV layer saves several DUV exposures. DUV
 * exposures go first to the priority wafers (AI accelerator dies the
 * designers' plans ask for, and the DRAM that becomes HBM: what the state's
 * policy puts first) and then to the rest (phone and other chips): if the
 * priority wafers alone need more than the DUV capacity, each is cut by
 * the same factor and the rest start none; otherwise the rest share what
 * is left, each cut by the same factor.
 */
export interface LithoDemand {
  /** Requested wafer starts per node. */
  readonly requested: Float64Array;
  readonly duvExposures: Float64Array;
  readonly euvLayers: Float64Array;
  readonly duvPerEuvLayer: Float64Array;
  /** 1 where the node needs EUV (no DUV path at usable yield), else 0. */
  readonly needsEuv: Uint8Array;
  /** Of the requested starts per node, those served first; absent: all of them. */
  readonly priority?: Float64Array;
  /**
   * DUV and EUV exposures available this quarter, at 0 and 1: in an array,
   * since a number passed to a call V8 does not inline is boxed on the heap.
   */
  readonly exposures: Float64Array;
}

export interface LithoOutcome {
  /** Share of the wafers on nodes that use EUV optionally whose critical layers get EUV. */
  euvFraction: number;
  /** Share of the requested wafers on nodes that need EUV that the EUV exposures cover (1 when none is requested). */
  euvCover: number;
  /** EUV exposures the nodes that need EUV use, after any DUV cut. */
  euvForRequired: number;
  /** Factor applied to the priority wafer starts of every node (1 when DUV does not bind). */
  scale: number;
  /** Factor applied to the other wafer starts of every node (1 when DUV does not bind; 0 when the priority wafers take it all). */
  otherScale: number;
}

export function lithoLimit(demand: LithoDemand, out: LithoOutcome): void {
  const { requested, duvExposures, euvLayers, duvPerEuvLayer, needsEuv, exposures } = demand;
  const duvCapacity = exposures[0] as number;
  const euvCapacity = exposures[1] as number;
  const n = requested.length;
  let required = 0;
  let optional = 0;
  for (let k = 0; k < n; k++) {
    const wanted = (requested[k] as number) * (euvLayers[k] as number);
    if (needsEuv[k] === 1) required += wanted;
    else optional += wanted;
  }
  const cover = required > euvCapacity ? euvCapacity / required : 1;
  const left = euvCapacity - cover * required;
  const euvFraction = optional > 0 ? Math.min(1, (left > 0 ? left : 0) / optional) : 0;
  const priority = demand.priority ?? requested;
  let duvFirst = 0;
  let duvRest = 0;
  for (let k = 0; k < n; k++) {
    const first = priority[k] as number;
    const rest = (requested[k] as number) - first;
    let perWafer: number;
    if (needsEuv[k] === 1) perWafer = cover * (duvExposures[k] as number);
    else {
      const saved = euvFraction * (euvLayers[k] as number) * (duvPerEuvLayer[k] as number);
      perWafer = Math.max(0, (duvExposures[k] as number) - saved);
    }
    duvFirst += first * perWafer;
    duvRest += rest * perWafer;
  }
  const scale = duvFirst > duvCapacity ? duvCapacity / duvFirst : 1;
  const room = duvCapacity - duvFirst;
  const otherScale = scale < 1 ? 0 : duvRest > room ? (duvRest > 0 ? room / duvRest : 0) : 1;
  let euvUsed = 0;
  for (let k = 0; k < n; k++) {
    if (needsEuv[k] !== 1) continue;
    const first = priority[k] as number;
    euvUsed += (first * scale + ((requested[k] as number) - first) * otherScale) * (euvLayers[k] as number);
  }
  out.euvFraction = euvFraction;
  out.euvCover = cover;
  out.euvForRequired = cover * euvUsed;
  out.scale = scale;
  out.otherScale = otherScale;
}
