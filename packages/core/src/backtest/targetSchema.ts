import { z } from "zod";
import { idSchema } from "../schema/object.js";

/**
 * A figure the reporting gives for 2024-2027, kept as data so the model is
 * judged against it rather than fitted to it. A target names a model metric
 * (or a milestone) and a year, and gives either a point `value`, a `range`,
 * or a bound (`atLeast` / `atMost`). `transform: growth` compares the
 * metric's growth from the year before. Targets that disagree are all kept.
 */
export const targetSchema = z
  .strictObject({
    id: idSchema,
    metric: z.string().min(1).describe('A metric id (see summary.json), or "milestone.<id>" for a milestone reached by the end of the year.'),
    year: z.number().int().min(2024).max(2050),
    transform: z.enum(["level", "growth"]).default("level").describe("growth: the metric's change from the year before, as a share."),
    value: z.number().optional(),
    range: z.tuple([z.number(), z.number()]).optional(),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    source: idSchema.describe("Bibliography id of the report that gives the figure."),
    claim: z.string().min(1).describe("What the source says, paraphrased."),
    nature: z.enum(["report", "estimate", "plan", "forecast"]).describe("Whether the figure reports what happened, estimates it, states a plan, or forecasts."),
    note: z.string().optional(),
  })
  .check((ctx) => {
    const t = ctx.value;
    const given = [t.value !== undefined, t.range !== undefined, t.atLeast !== undefined || t.atMost !== undefined].filter(Boolean).length;
    if (given !== 1) {
      ctx.issues.push({ code: "custom", input: t, message: "expected exactly one of value, range, or atLeast/atMost", path: [] });
    }
    if (t.range && !(t.range[0] <= t.range[1])) {
      ctx.issues.push({ code: "custom", input: t.range, message: "expected a range [low, high] with low <= high", path: ["range"] });
    }
  });

export type Target = z.output<typeof targetSchema>;
export const targetsFileSchema = z.strictObject({ targets: z.array(targetSchema).min(1) });
