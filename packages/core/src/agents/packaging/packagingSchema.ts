import { duration, fraction, quantity } from "../../schema/param.js";
import { section } from "../../schema/object.js";

export const packagingSchema = section({
  interposerWpmAtStart: quantity("wpm", "2.5D (CoWoS-like) interposer wafer starts per month usable for AI accelerators in China at 2024Q1."),
  plannedAdditionsPerYear: quantity("wpm/year", "Interposer capacity added per year under existing plans (new package aside)."),
  rampTime: duration("Time from tool-in to full output for new packaging capacity."),
  yield: fraction("Assembly and test yield of a packaged accelerator."),
  assemblyTime: duration("2.5D assembly and final test: from the package being made (dies and stacks used) to a tested accelerator."),
});
