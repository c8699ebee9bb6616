import { z } from "zod";
import { duration, fraction, quantity, ratio } from "../../schema/param.js";
import { idSchema, section } from "../../schema/object.js";

/** What a node makes: logic (accelerator dies) or DRAM (the core dies of HBM stacks). */
export const NODE_KINDS = ["logic", "dram"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** A process node: how many exposures a wafer needs and how its defect density learns. */
export const nodeSchema = section({
  label: z.string().describe('Name for people, e.g. "SMIC N+2 (7nm-class)".'),
  kind: z
    .enum(NODE_KINDS)
    .default("logic")
    .describe("logic (compute dies of accelerator designs) or dram (core dies of HBM stacks, for the HBM generations that name the node). Absent: logic."),
  needsEuv: z
    .boolean()
    .default(false)
    .describe(
      "true when the node's critical layers have no DUV multi-patterning path at usable yield: a wafer starts only with its euvLayers EUV exposures, and EUV goes to such nodes first. Absent: false (EUV optional, saving DUV exposures).",
    ),
  duvExposures: ratio(
    "DUV exposures per wafer when every critical layer is patterned with DUV multi-patterning; on a node that needs EUV, the DUV exposures a wafer needs beside its EUV layers.",
  ),
  euvLayers: ratio("Critical layers that one EUV exposure each would print instead (on a node that needs EUV: the EUV exposures every wafer needs)."),
  duvExposuresPerEuvLayer: ratio("DUV exposures each EUV layer replaces (self-aligned quadruple patterning: about four); not used on a node that needs EUV."),
  extraCriticalLayers: ratio("Extra critical patterning steps that DUV multi-patterning adds compared with EUV; drives the multi-patterning yield penalty."),
  d0AtStart: quantity("cm^-2", "Random defect density at 2024Q1 (or at the node's first wafers)."),
  d0Floor: quantity("cm^-2", "Defect density the learning curve approaches."),
  // Above 0: the learning curve divides by it.
  learningWafers: quantity("wafer", "Cumulative wafers over which the excess defect density falls by a factor of e.", { min: 1 }),
  parametricYield: fraction("Share of defect-free dies that also pass speed and power test."),
  cycleTime: duration("Fab cycle time: from wafer start to good die, tested. Absent: dies come out in the quarter their wafers start.").optional(),
});

export const nodesSchema = z.record(idSchema, nodeSchema);
