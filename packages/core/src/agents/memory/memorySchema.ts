import { z } from "zod";
import { date, duration, fraction, integer, quantity } from "../../schema/param.js";
import { hbmGenerationSchema } from "../../schema/hbmGenerationSchema.js";
import { idSchema, section } from "../../schema/object.js";

/**
 * A domestic HBM generation: when it starts, the DRAM node its core dies
 * need, and what turns a wafer of that node into good stacks (R8).
 */
const domesticGenerationSchema = section({
  start: date("When volume production of this generation starts."),
  node: idSchema.describe("The DRAM node its core dies need (an id under nodes, of kind dram): it is made on the wafers of fab lines on that node, or on a newer DRAM node."),
  coreDieArea: quantity("mm^2", "Area of one DRAM core die of this generation.", { min: 1, max: 900 }),
  stackHeight: integer("Core dies in one stack (8-high, 12-high).", { min: 1 }),
  stackYieldAtStart: fraction("Stack (TSV and bonding) yield when the generation starts volume production."),
  stackYieldMature: fraction("Stack yield the generation learns toward."),
  stackYieldGainPerYear: fraction("Stack yield gained per year of production until the mature value is reached (0.2: 20 points a year)."),
});

export const memorySchema = section({
  foreign: section({
    generation: hbmGenerationSchema.describe("Generation of the foreign stacks China holds (the pre-ban stockpile)."),
    stockAtStart: quantity("stack", "Foreign HBM stacks held in China at 2024Q1."),
    flowBeforeBan: quantity("stack/quarter", "Foreign HBM stacks reaching China per quarter with no ban; us-hbm-ban blocks its strength's share."),
    preBanRush: quantity("stack", "Foreign stacks bought in the rush between the ban's announcement and its start, arriving in the quarter it starts."),
    banCover: duration("How long the foreign stock held when us-hbm-ban starts is made to last: while the ban is in force, at most that stock divided by this cover is drawn per quarter, plus what leaks in."),
  }).describe("Foreign HBM: the stockpile in China and the inflow us-hbm-ban blocks."),
  domestic: section({
    waferToStack: duration("Time from a DRAM wafer start to finished stacks (front end, through-silicon vias, stacking and test)."),
    transitionTime: duration("Time for a node's output to move over to a newly available generation."),
    generations: z
      .partialRecord(hbmGenerationSchema, domesticGenerationSchema)
      .describe("Domestic HBM generations: when each reaches volume production, the DRAM node it needs, its core die and its stack yield."),
  }).describe("Domestic HBM: made from the wafers of fab lines on DRAM nodes (see fabs and nodes), by generation."),
});
