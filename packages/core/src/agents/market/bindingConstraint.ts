import { ConstraintCode } from "../../model/constraints.js";

/**
 * Allowances equal in exact arithmetic come out a few ulps apart (an HBM
 * grant split over pools and summed back, a demand factor of 1 - 2^-53):
 * which of them binds must not follow the last bit of a computation, so a
 * later allowance binds only when it is smaller by more than this.
 */
const TIE_TOLERANCE = 1e-9;
/** A later allowance binds when below the best so far times this. */
const TIGHTER = 1 - TIE_TOLERANCE;

/**
 * Each design's allowances this quarter, by design: what dies, HBM and
 * packaging let it package, what was offered to the market, what buyers
 * bought, what power let be deployed, and for an import what policy let
 * through. The rules below read them by design index, so that nothing but
 * small integers is passed to a call (V8 boxes a number passed to a call
 * it does not inline, and a clearing step is too large to be sure of it).
 */
export interface BindingTerms {
  readonly die: Float64Array;
  readonly hbm: Float64Array;
  readonly packaging: Float64Array;
  readonly offered: Float64Array;
  readonly demand: Float64Array;
  readonly power: Float64Array;
  readonly policy: Float64Array;
}

/**
 * The binding constraint of domestic design d: demand, then power, where
 * they cut what was offered to the market; else the supply constraint that
 * bound its packaging this quarter (supplyBindingOf).
 */
export function domesticBindingOf(t: BindingTerms, d: number, lithoBound: boolean): ConstraintCode {
  let code = supplyBindingOf(t, d, lithoBound);
  let best = t.offered[d] as number;
  const demand = t.demand[d] as number;
  if (demand < best * TIGHTER) {
    best = demand;
    code = ConstraintCode.Demand;
  }
  if ((t.power[d] as number) < best * TIGHTER) code = ConstraintCode.Power;
  return code;
}

/**
 * The supply constraint that bound domestic design d's packaging: the
 * smallest allowance, in the order dies, packaging, HBM. Ties (within
 * TIE_TOLERANCE) go to the earlier one, so a constraint that cut nothing
 * never takes the blame: HBM is asked only for what dies and packaging
 * allow, so it ties with the smaller of them when it grants all of it.
 * Dies are blamed on lithography when the node's wafer starts were cut by
 * scanner capacity, else on the fab. A design with no dies at all was
 * planned none because it could package none: then HBM, or else
 * packaging, binds if it offers nothing.
 */
export function supplyBindingOf(t: BindingTerms, d: number, lithoBound: boolean): ConstraintCode {
  const die = t.die[d] as number;
  const hbm = t.hbm[d] as number;
  const packaging = t.packaging[d] as number;
  if (!(die > 0)) {
    if (!(hbm > 0)) return ConstraintCode.Hbm;
    if (!(packaging > 0)) return ConstraintCode.Packaging;
  }
  let code = lithoBound ? ConstraintCode.Litho : ConstraintCode.Fab;
  let best = die;
  if (packaging < best * TIGHTER) {
    best = packaging;
    code = ConstraintCode.Packaging;
  }
  if (hbm < best * TIGHTER) code = ConstraintCode.Hbm;
  return code;
}

/** The binding constraint of import d: policy (licences, rejection, exporter supply), then demand, then power. */
export function importBindingOf(t: BindingTerms, d: number): ConstraintCode {
  let code = ConstraintCode.Policy;
  let best = t.policy[d] as number;
  const demand = t.demand[d] as number;
  if (demand < best * TIGHTER) {
    best = demand;
    code = ConstraintCode.Demand;
  }
  if ((t.power[d] as number) < best * TIGHTER) code = ConstraintCode.Power;
  return code;
}

/** One design's terms, for the scalar forms below. */
function one(die: number, hbm: number, packaging: number, offered: number, demand: number, power: number, policy: number): BindingTerms {
  const of = (x: number) => Float64Array.of(x);
  return { die: of(die), hbm: of(hbm), packaging: of(packaging), offered: of(offered), demand: of(demand), power: of(power), policy: of(policy) };
}

/** domesticBindingOf for one design's allowances given as numbers (dies, HBM, packaging, offered, demand, power). */
export function domesticBinding(die: number, hbm: number, packaging: number, offered: number, demand: number, power: number, lithoBound: boolean): ConstraintCode {
  return domesticBindingOf(one(die, hbm, packaging, offered, demand, power, 0), 0, lithoBound);
}

/** supplyBindingOf for one design's allowances given as numbers. */
export function supplyBinding(die: number, hbm: number, packaging: number, lithoBound: boolean): ConstraintCode {
  return supplyBindingOf(one(die, hbm, packaging, 0, 0, 0, 0), 0, lithoBound);
}

/** importBindingOf for one import's allowances given as numbers (policy, demand, power). */
export function importBinding(policy: number, demand: number, power: number): ConstraintCode {
  return importBindingOf(one(0, 0, 0, 0, demand, power, policy), 0);
}
