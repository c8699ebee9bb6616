import { z } from "zod";
import { date, duration, quantity } from "./param.js";
import { hbmGenerationSchema } from "./hbmGenerationSchema.js";
import { section } from "./object.js";

export const memorySchema = section({
  foreign: section({
    generation: hbmGenerationSchema.describe("Generation of the foreign stacks China holds (the pre-ban stockpile)."),
    stockAtStart: quantity("stack", "Foreign HBM stacks held in China at 2024Q1."),
    flowBeforeBan: quantity("stack/quarter", "Foreign HBM stacks reaching China per quarter with no ban; us-hbm-ban blocks its strength's share."),
    preBanRush: quantity("stack", "Foreign stacks bought in the rush between the ban's announcement and its start, arriving in the quarter it starts."),
    banCover: duration("How long the foreign stock held when us-hbm-ban starts is made to last: while the ban is in force, at most that stock divided by this cover is drawn per quarter, plus what leaks in."),
  }).describe("Foreign HBM: the stockpile in China and the inflow us-hbm-ban blocks."),
  domestic: section({
    wafersAtStart: quantity("wpm", "DRAM wafer starts per month making HBM in China at 2024Q1."),
    plannedAdditionsPerYear: quantity("wpm/year", "HBM wafer capacity added per year under existing plans (new package aside)."),
    maxWafers: quantity("wpm", "Ceiling on planned HBM wafer capacity."),
    rampTime: duration("Time from tool-in to full output for new HBM capacity."),
    stacksPerWaferAtStart: quantity("stack/wafer", "Good 8-high stacks per DRAM wafer at 2024Q1."),
    stacksPerWaferMature: quantity("stack/wafer", "Good stacks per wafer once the process has matured."),
    learningTime: duration("Time over which the gap to mature stacks per wafer falls by a factor of e."),
    transitionTime: duration("Time for output to move over to a newly available generation."),
    generations: z
      .partialRecord(hbmGenerationSchema, section({ start: date("When volume production of this generation starts.") }))
      .describe("Domestic HBM generations and when each reaches volume production."),
  }).describe("Domestic HBM: wafer capacity, stacks per wafer and generations."),
});
