/**
 * How lithography capacity limits wafer starts (CALIBRATION.md R7). EUV
 * exposures go to the critical layers of as many wafers as they cover
 * (the same share on every node that can use them); each EUV layer saves
 * several DUV exposures. If the DUV exposures still needed exceed the DUV
 * capacity, every node's wafer starts are cut by the same factor.
 */
export interface LithoDemand {
  /** Requested wafer starts per node. */
  readonly requested: Float64Array;
  readonly duvExposures: Float64Array;
  readonly euvLayers: Float64Array;
  readonly duvPerEuvLayer: Float64Array;
}

export interface LithoOutcome {
  /** Share of wafers whose critical layers get EUV. */
  euvFraction: number;
  /** Factor applied to every node's wafer starts (1 when lithography does not bind). */
  scale: number;
}

export function lithoLimit(demand: LithoDemand, duvCapacity: number, euvCapacity: number, out: LithoOutcome): void {
  const n = demand.requested.length;
  let euvWanted = 0;
  for (let k = 0; k < n; k++) euvWanted += (demand.requested[k] as number) * (demand.euvLayers[k] as number);
  const euvFraction = euvWanted > 0 ? Math.min(1, euvCapacity / euvWanted) : 0;
  let duvWanted = 0;
  for (let k = 0; k < n; k++) {
    const saved = euvFraction * (demand.euvLayers[k] as number) * (demand.duvPerEuvLayer[k] as number);
    duvWanted += (demand.requested[k] as number) * Math.max(0, (demand.duvExposures[k] as number) - saved);
  }
  out.euvFraction = euvFraction;
  out.scale = duvWanted > duvCapacity ? (duvWanted > 0 ? duvCapacity / duvWanted : 0) : 1;
}
