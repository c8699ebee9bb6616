import { z } from "zod";
import { AGENT_SECTIONS } from "../agents/sections.js";
import { bibliographySchema } from "./bibliography.js";
import { correlationsSchema } from "./correlations.js";
import { idSchema } from "./object.js";

/** What every file names itself with, a file that extends another included (not inherited). */
export const OWN_FIELDS = ["id", "title"] as const;

export const MIN_HORIZON = 2025;
export const MAX_HORIZON = 2050;

/** The fields that are the scenario's own rather than an agent's. */
const scenarioFields = {
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
  quarterly: z
    .boolean()
    .optional()
    .describe(
      "Also report each designer's accelerators, H100-equivalents and sales quarter by quarter (designer.<designer>.<quantity>.Q1 to .Q4, and quarter rows in chip_sales.csv). Off unless set (`chipsim run --quarterly` sets it): twelve more metrics per designer.",
    ),
  bibliography: bibliographySchema.optional().describe("Sources this scenario adds to the built-in bibliography."),
  correlations: correlationsSchema.optional().describe("Rank correlations between uncertain parameters."),
};

/**
 * The order of the top-level fields: the order the JSON Schema, the docs,
 * `chipsim show` and the list of known fields in error messages have
 * always used. It is nearly step order, but not quite (correlations sit
 * after triggers, subsidies among the capacity they fund), so it is
 * written out here rather than taken from the registry. Sections of agents
 * added later follow these, in step order.
 */
const FIELD_ORDER = [
  "id",
  "title",
  "description",
  "question",
  "changes",
  "extends",
  "horizon",
  "runs",
  "seed",
  "quarterly",
  "bibliography",
  "levers",
  "triggers",
  "correlations",
  "lithography",
  "nodes",
  "fabs",
  "subsidies",
  "yield",
  "memory",
  "packaging",
  "dieBanks",
  "designs",
  "power",
  "market",
] as const;

/**
 * A complete scenario, after `extends` has been merged: the scenario's own
 * fields and every registered agent's sections (agents/sections.ts).
 */
export const scenarioSchema = z.strictObject(inFieldOrder(scenarioFields, AGENT_SECTIONS));

function inFieldOrder<A extends Record<string, z.ZodType>, B extends Record<string, z.ZodType>>(own: A, sections: B): A & B {
  const shape: Record<string, z.ZodType> = { ...own };
  for (const [key, schema] of Object.entries(sections)) {
    if (Object.hasOwn(shape, key)) throw new Error(`agent section ${key} is also a field of the scenario's own`);
    shape[key] = schema;
  }
  const absent = FIELD_ORDER.filter((key) => !Object.hasOwn(shape, key));
  if (absent.length > 0) throw new Error(`FIELD_ORDER lists fields no one defines: ${absent.join(", ")}`);
  const listed = new Set<string>(FIELD_ORDER);
  const later = Object.keys(shape).filter((key) => !listed.has(key));
  return Object.fromEntries([...FIELD_ORDER, ...later].map((key) => [key, shape[key]])) as A & B;
}

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
