import type { BuildContext } from "../../model/buildContext.js";
import { exp } from "../../math/fdlibm.js";

/** Where the market's parameters sit in the run's parameter table. */
export function marketIndices(ctx: BuildContext) {
  const { market } = ctx.scenario.tree;
  const t = ctx.table;
  return {
    spendAtStart: t.index(market.spendAtStart),
    spendGrowth: t.index(market.demandGrowth),
    growthHalfLife: t.index(market.demandGrowthHalfLife),
    priceSensitivity: t.index(market.priceSensitivity),
    carryOver: t.index(market.budgetCarryOver),
    premiumMax: t.index(market.scarcityPremiumMax),
    installedAtStart: t.index(market.installedAtStart),
    installedPowerAtStart: t.index(market.installedPowerAtStart),
    serviceLife: t.index(market.serviceLife),
    acceptance: t.index(market.importAcceptance),
    mandateCoverage: t.index(market.mandateCoverage),
    revenueShare: t.index(market.revenueShare),
    h100Tflops: t.index(market.h100Tflops),
  };
}

/**
 * The factor by which the spending rate grows in each quarter q >= 1 of a
 * run: annual growth g x exp((q + 0.5) x decay), the rate halving every
 * half-life, a quarter growing by the fourth root of (1 + that) (exp and
 * sqrt instead of Math.pow, which costs several times more). inputs: [0] g,
 * [1] decay = -ln 2 / half-life. Once a run, into an array, in a function
 * of its own: a number passed to or returned from a call V8 does not
 * inline is boxed on the heap, and the clearing step is too large to be
 * sure of inlining exp.
 */
export function growthFactors(inputs: Float64Array, out: Float64Array): void {
  const g = inputs[0] as number;
  const decay = inputs[1] as number;
  out[0] = 1;
  for (let q = 1; q < out.length; q++) out[q] = Math.sqrt(Math.sqrt(1 + g * exp((q + 0.5) * decay)));
}
