import { ConstraintCode } from "../../model/constraints.js";

/**
 * Allowances equal in exact arithmetic come out a few ulps apart (an HBM
 * grant split over pools and summed back, a demand factor of 1 - 2^-53):
 * which of them binds must not follow the last bit of a computation, so a
 * later allowance binds only when it is smaller by more than this.
 */
const TIE_TOLERANCE = 1e-9;

const tighter = (term: number, best: number) => term < best * (1 - TIE_TOLERANCE);

/**
 * The binding constraint of a domestic design: demand, then power, where
 * they cut what was offered to the market; else the supply constraint that
 * bound its packaging this quarter (supplyBinding).
 */
export function domesticBinding(
  dieTerm: number,
  hbmTerm: number,
  packagingTerm: number,
  offered: number,
  demandTerm: number,
  powerTerm: number,
  lithoBound: boolean,
): ConstraintCode {
  let code = supplyBinding(dieTerm, hbmTerm, packagingTerm, lithoBound);
  let best = offered;
  if (tighter(demandTerm, best)) {
    best = demandTerm;
    code = ConstraintCode.Demand;
  }
  if (tighter(powerTerm, best)) code = ConstraintCode.Power;
  return code;
}

/**
 * The supply constraint that bound a domestic design's packaging: the
 * smallest allowance, in the order dies, packaging, HBM. Ties (within
 * TIE_TOLERANCE) go to the earlier one, so a constraint that cut nothing
 * never takes the blame: HBM is asked only for what dies and packaging
 * allow, so it ties with the smaller of them when it grants all of it.
 * Dies are blamed on lithography when the node's wafer starts were cut by
 * scanner capacity, else on the fab. A design with no dies at all was
 * planned none because it could package none: then HBM, or else
 * packaging, binds if it offers nothing.
 */
export function supplyBinding(dieTerm: number, hbmTerm: number, packagingTerm: number, lithoBound: boolean): ConstraintCode {
  if (!(dieTerm > 0)) {
    if (!(hbmTerm > 0)) return ConstraintCode.Hbm;
    if (!(packagingTerm > 0)) return ConstraintCode.Packaging;
  }
  let code = lithoBound ? ConstraintCode.Litho : ConstraintCode.Fab;
  let best = dieTerm;
  if (tighter(packagingTerm, best)) {
    best = packagingTerm;
    code = ConstraintCode.Packaging;
  }
  if (tighter(hbmTerm, best)) code = ConstraintCode.Hbm;
  return code;
}

/** The binding constraint of an import: policy (licences, rejection, exporter supply), then demand, then power. */
export function importBinding(policyTerm: number, demandTerm: number, powerTerm: number): ConstraintCode {
  let code = ConstraintCode.Policy;
  let best = policyTerm;
  if (tighter(demandTerm, best)) {
    best = demandTerm;
    code = ConstraintCode.Demand;
  }
  if (tighter(powerTerm, best)) code = ConstraintCode.Power;
  return code;
}
