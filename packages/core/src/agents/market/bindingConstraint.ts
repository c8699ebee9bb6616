import { ConstraintCode } from "../../model/constraints.js";

/**
 * The binding constraint of a domestic design: the smallest allowance, in
 * the order dies, HBM, packaging, demand, power. Ties go to the earlier
 * one, so a shared constraint that scaled nothing (factor 1) never takes
 * the blame; dies are blamed on lithography when the node's wafer starts
 * were cut by scanner capacity, else on the fab.
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
  if (hbmTerm < best) {
    best = hbmTerm;
    code = ConstraintCode.Hbm;
  }
  if (packagingTerm < best) {
    best = packagingTerm;
    code = ConstraintCode.Packaging;
  }
  if (demandTerm < best) {
    best = demandTerm;
    code = ConstraintCode.Demand;
  }
  if (powerTerm < best) code = ConstraintCode.Power;
  return code;
}

/** The binding constraint of an import: policy (licences, rejection, exporter supply), then demand, then power. */
export function importBinding(policyTerm: number, demandTerm: number, powerTerm: number): ConstraintCode {
  let code = ConstraintCode.Policy;
  let best = policyTerm;
  if (demandTerm < best) {
    best = demandTerm;
    code = ConstraintCode.Demand;
  }
  if (powerTerm < best) code = ConstraintCode.Power;
  return code;
}
