import { z } from "zod";
import { date, duration, fraction, quantity } from "../../schema/param.js";
import { idSchema, section } from "../../schema/object.js";

/** A fab line making one node (logic or DRAM); it draws on the shared lithography pool. */
export const fabSchema = section({
  operator: z.string().describe("Who runs the line (SMIC, Huawei, ...)."),
  node: idSchema.describe("The process node the line makes (an id under nodes)."),
  online: date("When the line starts production; capacityAtStart applies from then.").optional(),
  capacityAtStart: quantity("wpm", "Wafer starts per month the line has when it starts (at 2024Q1 for running lines)."),
  plannedAdditionsPerYear: quantity("wpm/year", "Capacity the operator adds per year under existing plans and funds (new package aside)."),
  plannedUntil: date("Planned additions stop at this date."),
  maxCapacity: quantity("wpm", "Ceiling on the capacity the line reaches from capacityAtStart and planned additions (package-funded capacity comes on top). Absent: no ceiling.").optional(),
  rampTime: duration("Time from tool-in to full output for new capacity."),
  utilization: fraction("Share of installed capacity that runs."),
  aiShare: fraction("Share of the line's wafer starts that go to AI accelerators (the rest: phone and other chips); on a DRAM node, the share that makes HBM core dies."),
  subsidyShare: fraction("Share of the new package's advanced-logic funding that goes to this line (on a DRAM node: of its HBM funding)."),
});

export const fabsSchema = z.record(idSchema, fabSchema);
