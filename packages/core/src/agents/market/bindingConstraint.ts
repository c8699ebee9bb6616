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
 * The binding constraint of a domestic design: the smallest allowance, in
 * the order dies, packaging, HBM, demand, power. Ties (within
 * TIE_TOLERANCE) go to the earlier one, so a constraint that cut nothing
 * never takes the blame: a shared factor of 1, or HBM, which is asked only
 * for what dies and packaging allow and so ties with the smaller of them
 * when it grants all of it. Dies are blamed on lithography when the node's
 * wafer starts were cut by scanner capacity, else on the fab.
 */
export function domesticBinding(
  dieTerm: number,
  hbmTerm: number,
  packagingTerm: number,
  demandTerm: number,
  powerTerm: number,
  lithoBound: boolean,
): ConstraintCode {
  let code = lithoBound ? ConstraintCode.Litho : ConstraintCode.Fab;
  let best = dieTerm;
  if (tighter(packagingTerm, best)) {
    best = packagingTerm;
    code = ConstraintCode.Packaging;
  }
  if (tighter(hbmTerm, best)) {
    best = hbmTerm;
    code = ConstraintCode.Hbm;
  }
  if (tighter(demandTerm, best)) {
    best = demandTerm;
    code = ConstraintCode.Demand;
  }
  if (tighter(powerTerm, best)) code = ConstraintCode.Power;
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
