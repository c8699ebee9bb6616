import { z } from "zod";
import { date, duration, fraction, integer, quantity, ratio } from "../../schema/param.js";
import { hbmGenerationSchema } from "../../schema/hbmGenerationSchema.js";
import { idSchema, section } from "../../schema/object.js";
import { LEVER_IDS } from "../../schema/leverIds.js";

const common = {
  designer: z.string().describe("Who designs the accelerator (Huawei, Cambricon, NVIDIA, ...)."),
  launch: date("When volume shipments start."),
  endOfLife: date("When volume shipments stop. Absent: they continue to the horizon.").optional(),
  tflops: quantity("TFLOPS", "Dense BF16/FP16 throughput."),
  tdp: quantity("W", "Board power (TDP)."),
  softwareEfficiency: ratio("Delivered throughput per peak FLOP relative to an NVIDIA part (software stack, interconnect): scales its H100-equivalents."),
  price: quantity("USD", "List price per unit to a Chinese buyer (for an import, what the buyer pays, the US government's revenue share included).", { min: 1 }),
};

/** An accelerator made in China: the full chain from wafer to package. */
export const domesticDesignSchema = section({
  ...common,
  origin: z.literal("domestic"),
  node: idSchema.describe("Process node of its compute die (an id under nodes)."),
  dieArea: quantity("mm^2", "Area of one compute die.", { min: 1, max: 900 }),
  diesPerPackage: integer("Compute dies in one package.", { min: 1 }),
  cores: integer("Compute cores on a die (for core harvesting).", { min: 1 }),
  coresRequired: integer("Working cores a die needs to ship (the rest are disabled).", { min: 1 }),
  coreAreaFraction: fraction("Share of the die area taken by the cores; defects elsewhere kill the die."),
  hbmStacks: integer("HBM stacks in one package.", { min: 0 }),
  hbmGeneration: hbmGenerationSchema.describe("Oldest HBM generation the design accepts."),
  packagesPerInterposerWafer: ratio("Packages one 2.5D interposer wafer yields for this design.", { min: 0.1 }),
  packageYield: fraction("Assembly and test yield of this design's package, where it differs from packaging.yield (multi-die packages lose more).").optional(),
  waferShare: ratio("Priority of the design while it ships (contract and state backing): its weight in the bid for its node's AI wafers when they are short (times what a wafer's good dies sell for), and its claim on packaging slots, HBM stacks and a die bank it may use (shares are normalised among the designs competing in a quarter)."),
  rampTime: duration("Time from launch to full wafer allocation."),
});

/** An accelerator bought abroad: limited by export policy, acceptance, power and demand. */
export const importDesignSchema = section({
  ...common,
  origin: z.literal("import"),
  supplyPerYear: quantity("accelerator/year", "Units the exporter would ship to China per year with no controls and willing buyers, from launch."),
  supplySteps: z
    .array(
      section({
        from: date("When the exporter's volume changes."),
        perYear: quantity("accelerator/year", "Units a year the exporter would ship from then on."),
      }),
    )
    .optional()
    .describe("Changes to the exporter's volume (a rush before a halt, a run-down); each holds from its date until the next one's, whatever order they are listed in."),
  licenceLever: z
    .enum(LEVER_IDS)
    .optional()
    .describe("A lever that must also allow this product's licences, besides us-ai-chip-exports (the licensed channel as a whole): us-next-generation-exports for generations after the H200."),
});

export const designSchema = z.discriminatedUnion("origin", [domesticDesignSchema, importDesignSchema]);
export const designsSchema = z.record(idSchema, designSchema);
