import { duration, fraction, quantity, ratio } from "../../schema/param.js";
import { section } from "../../schema/object.js";

export const marketSchema = section({
  demandAtStart: quantity("H100e/year", "Demand for new AI compute in China at 2024Q1, as an annual rate in H100-equivalents."),
  demandGrowth: ratio("Annual growth of that demand at 2024Q1."),
  demandGrowthHalfLife: duration("Time over which the demand growth rate halves."),
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
