import { duration, fraction, quantity, ratio } from "../../schema/param.js";
import { section } from "../../schema/object.js";

export const marketSchema = section({
  spendAtStart: quantity("USD/year", "Money Chinese buyers spend on AI accelerators per year at 2024Q1 (hyperscalers, telecom operators, state-funded data centres)."),
  demandGrowth: ratio("Annual growth of that spending (demand, in money) at 2024Q1."),
  demandGrowthHalfLife: duration("Time over which that growth rate halves."),
  priceSensitivity: ratio("How strongly buyers favour value: money goes to offers in proportion to (H100-equivalents per dollar) to this power; 0 spreads it evenly over what is offered."),
  budgetCarryOver: fraction("Share of a quarter's unspent money that carries to the next quarter; the rest is lost (spent elsewhere or not raised)."),
  scarcityPremiumMax: ratio("Most by which prices rise above list, as a share of what was paid, when buyers' money exceeds everything offered."),
  installedAtStart: quantity("H100e", "AI compute installed in China at 2024Q1."),
  installedPowerAtStart: quantity("GW", "Facility power drawn by that installed base."),
  serviceLife: duration("Service life of an accelerator: it retires this long after deployment."),
  deliveryTime: duration("From a tested domestic accelerator to its deployment: server integration and burn-in, then shipment into use."),
  importAcceptance: fraction("Share of offered imports that buyers outside the mandate take when no rejection policy applies."),
  mandateCoverage: fraction("Share of demand from state-funded data centres, which the domestic mandate reserves for domestic chips."),
  revenueShare: fraction("Share of import revenue paid to the US government under the export licences."),
  // Above 0: every design's H100-equivalents divide by it.
  h100Tflops: quantity("TFLOPS", "Dense BF16 throughput of the H100 SXM, the unit of H100-equivalents.", { min: 1 }),
});
