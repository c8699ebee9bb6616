import { z } from "zod";
import { bibliographySchema } from "./bibliography.js";
import { correlationsSchema } from "./correlations.js";
import { designsSchema } from "./designs.js";
import { dieBanksSchema } from "./dieBanks.js";
import { fabsSchema } from "./fabs.js";
import { leversSchema } from "./levers.js";
import { lithographySchema } from "./lithography.js";
import { marketSchema } from "./market.js";
import { memorySchema } from "./memory.js";
import { nodesSchema } from "./nodes.js";
import { idSchema } from "./object.js";
import { packagingSchema } from "./packaging.js";
import { planningSchema } from "./planning.js";
import { powerSchema } from "./power.js";
import { subsidiesSchema } from "./subsidies.js";
import { triggersSchema } from "./triggers.js";
import { yieldSchema } from "./yieldModel.js";

/** What every file names itself with, a file that extends another included (not inherited). */
export const OWN_FIELDS = ["id", "title"] as const;

export const MIN_HORIZON = 2025;
export const MAX_HORIZON = 2050;

/**
 * A complete scenario, after `extends` has been merged. Sections appear in
 * the agents' step order.
 */
export const scenarioSchema = z.strictObject({
  id: idSchema.describe("The scenario's id (its file name without .yaml for built-ins)."),
  title: z.string().min(1).describe("A short title for tables and reports."),
  description: z
    .string()
    .min(1)
    .optional()
    .describe("What the scenario changes relative to its parent, and why (not inherited: a scenario without one is shown by its title)."),
  question: z.string().optional().describe("The question the scenario answers (not inherited)."),
  changes: z
    .array(z.string().min(1))
    .optional()
    .describe("Paths, or path prefixes, of what this scenario changes from its parent (not inherited); the tests check it changes those and nothing else."),
  extends: z.string().optional().describe("A built-in scenario id, or a path relative to this file."),
  horizon: z.number().int().min(MIN_HORIZON).max(MAX_HORIZON).describe("Last calendar year simulated (from 2024)."),
  runs: z.number().int().positive().describe("Monte Carlo runs when the command line does not say."),
  seed: z.union([z.number().int(), z.string().min(1)]).describe("Seed when the command line does not say."),
  bibliography: bibliographySchema.optional().describe("Sources this scenario adds to the built-in bibliography."),
  levers: leversSchema.describe("Export controls and industrial policy: when each lever is in force and how strongly (every lever, by its fixed id)."),
  triggers: triggersSchema.optional().describe("Conditional policy by id: when an indicator crosses a threshold, a lever moves to a new strength after a delay."),
  correlations: correlationsSchema.optional().describe("Rank correlations between uncertain parameters."),
  lithography: lithographySchema.describe("Scanners: foreign DUV, domestic SMEE immersion, domestic and foreign EUV."),
  nodes: nodesSchema.describe("Process nodes by id: exposures per wafer and how the defect density learns."),
  fabs: fabsSchema.describe("Fab lines by id, each making one node and drawing on the shared lithography pool."),
  subsidies: subsidiesSchema.describe("The new state support package: its size, how it is spent and what capacity costs."),
  yield: yieldSchema.describe("The die-yield model shared by every node and design."),
  memory: memorySchema.describe("HBM stacks: the foreign stockpile and inflow, and domestic output by generation."),
  packaging: packagingSchema.describe("2.5D (CoWoS-like) interposer capacity for accelerator packages."),
  dieBanks: dieBanksSchema.describe("Stocks of dies made abroad before the foundry ban, by id, and the designs that may use them."),
  designs: designsSchema.describe("Accelerator designs by id: `origin: domestic` (made in China, wafer to package) or `origin: import`."),
  power: powerSchema.describe("Data-centre power available to AI accelerators."),
  market: marketSchema.describe("Demand for AI compute, imports, the installed base and the H100-equivalent."),
  planning: planningSchema.describe("How designers plan wafer starts against the packaging they expect, and how long waiting dies keep."),
});

/** What the schema produces: parameters are Param objects, still without path and provenance. */
export type ScenarioTree = z.output<typeof scenarioSchema>;
export type LeverTree = ScenarioTree["levers"][keyof ScenarioTree["levers"]];
export type TriggerTree = NonNullable<ScenarioTree["triggers"]>[string];
export type NodeTree = ScenarioTree["nodes"][string];
export type FabTree = ScenarioTree["fabs"][string];
export type DesignTree = ScenarioTree["designs"][string];
export type DomesticDesignTree = Extract<DesignTree, { origin: "domestic" }>;
export type ImportDesignTree = Extract<DesignTree, { origin: "import" }>;
export type DieBankTree = ScenarioTree["dieBanks"][string];
