/**
 * How lithography capacity limits wafer starts (CALIBRATION.md R7), over
 * every node that draws on the shared scanner pool, logic and DRAM alike.
 * EUV exposures go first to nodes that need EUV: each of their wafers
 * needs euvLayers of them, so their wafer starts are capped at the share
 * the EUV exposures cover. What is left covers the critical layers of as
 * many wafers as it can on the nodes that use EUV optionally (the same
 * share on each); there each EUV layer saves several DUV exposures. If the
 * DUV exposures still needed exceed the DUV capacity, every node's wafer
 * starts are cut by the same factor.
 */
export interface LithoDemand {
  /** Requested wafer starts per node. */
  readonly requested: Float64Array;
  readonly duvExposures: Float64Array;
  readonly euvLayers: Float64Array;
  readonly duvPerEuvLayer: Float64Array;
  /** 1 where the node needs EUV (no DUV path at usable yield), else 0. */
  readonly needsEuv: Uint8Array;
}

export interface LithoOutcome {
  /** Share of the wafers on nodes that use EUV optionally whose critical layers get EUV. */
  euvFraction: number;
  /** Share of the requested wafers on nodes that need EUV that the EUV exposures cover (1 when none is requested). */
  euvCover: number;
  /** EUV exposures the nodes that need EUV use, after any DUV cut. */
  euvForRequired: number;
  /** Factor applied to every node's wafer starts (1 when DUV does not bind). */
  scale: number;
}

export function lithoLimit(demand: LithoDemand, duvCapacity: number, euvCapacity: number, out: LithoOutcome): void {
  const { requested, duvExposures, euvLayers, duvPerEuvLayer, needsEuv } = demand;
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
  let duvWanted = 0;
  for (let k = 0; k < n; k++) {
    const wafers = requested[k] as number;
    if (needsEuv[k] === 1) {
      duvWanted += wafers * cover * (duvExposures[k] as number);
    } else {
      const saved = euvFraction * (euvLayers[k] as number) * (duvPerEuvLayer[k] as number);
      duvWanted += wafers * Math.max(0, (duvExposures[k] as number) - saved);
    }
  }
  const scale = duvWanted > duvCapacity ? (duvWanted > 0 ? duvCapacity / duvWanted : 0) : 1;
  out.euvFraction = euvFraction;
  out.euvCover = cover;
  out.euvForRequired = cover * required * scale;
  out.scale = scale;
}
