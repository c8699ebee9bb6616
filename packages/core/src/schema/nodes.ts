import { z } from "zod";
import { duration, fraction, quantity, ratio } from "./param.js";
import { idSchema, section } from "./object.js";

/** A process node: how many exposures a wafer needs and how its defect density learns. */
export const nodeSchema = section({
  label: z.string().describe('Name for people, e.g. "SMIC N+2 (7nm-class)".'),
  duvExposures: ratio("DUV exposures per wafer when every critical layer is patterned with DUV multi-patterning."),
  euvLayers: ratio("Critical layers that one EUV exposure each would print instead."),
  duvExposuresPerEuvLayer: ratio("DUV exposures each EUV layer replaces (self-aligned quadruple patterning: about four)."),
  extraCriticalLayers: ratio("Extra critical patterning steps that DUV multi-patterning adds compared with EUV; drives the multi-patterning yield penalty."),
  d0AtStart: quantity("cm^-2", "Random defect density at 2024Q1 (or at the node's first wafers)."),
  d0Floor: quantity("cm^-2", "Defect density the learning curve approaches."),
  // Above 0: the learning curve divides by it.
  learningWafers: quantity("wafer", "Cumulative wafers over which the excess defect density falls by a factor of e.", { min: 1 }),
  parametricYield: fraction("Share of defect-free dies that also pass speed and power test."),
  cycleTime: duration("Fab cycle time: from wafer start to good die, tested. Absent: dies come out in the quarter their wafers start.").optional(),
});

export const nodesSchema = z.record(idSchema, nodeSchema);
