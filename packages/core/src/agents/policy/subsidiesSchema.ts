import { duration, fraction, quantity } from "../../schema/param.js";
import { section } from "../../schema/object.js";

/** The new state support package: money turned into capacity, with a lag. */
export const subsidiesSchema = section({
  packageTotal: quantity("USD", "Size of the new chip support package; cn-subsidies scales how much of it is deployed."),
  deploymentTime: duration("Time over which the package is spent, from the cn-subsidies start."),
  lag: duration("Time from funding to new tools installed."),
  advancedLogicShare: fraction("Share of the package that goes to advanced-node logic capacity."),
  hbmShare: fraction("Share that goes to HBM: DRAM wafer capacity on the fab lines of DRAM nodes, split among them by their subsidyShare."),
  packagingShare: fraction("Share that goes to advanced (2.5D) packaging."),
  // Above 0: subsidy money is divided by these costs to give capacity.
  costPerLogicWpm: quantity("USD/wpm", "Capital cost of one wafer start per month of 7nm-class DUV logic capacity.", { min: 1 }),
  costPerHbmWpm: quantity("USD/wpm", "Capital cost of one DRAM wafer start per month for HBM.", { min: 1 }),
  costPerInterposerWpm: quantity("USD/wpm", "Capital cost of one 2.5D interposer wafer start per month.", { min: 1 }),
});
