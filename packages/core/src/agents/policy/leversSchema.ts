import { z } from "zod";
import { date, fraction } from "../../schema/param.js";
import { section } from "../../schema/object.js";
import { LEVER_IDS, type LeverId } from "../../schema/leverIds.js";

const leverWindowSchema = section({
  start: date("When this further period starts."),
  end: date("When it ends. Absent: it lasts to the horizon.").optional(),
  strength: fraction("How fully the lever is enforced in this period."),
});

export const leverSchema = section({
  description: z.string().optional().describe("What this lever stands for in this scenario."),
  start: date("When the lever takes effect. Dates before 2024Q1 mean it is in force from the start."),
  end: date("When the lever lapses. Absent: it stays in force to the horizon.").optional(),
  strength: fraction("How fully the lever is enforced: 1 fully, below 1 with leakage, 0 switched off."),
  windows: z
    .array(leverWindowSchema)
    .optional()
    .describe("Further periods in force (a lever lifted and later re-imposed); where periods overlap the strongest applies."),
});

export const leversSchema = z.strictObject(
  Object.fromEntries(LEVER_IDS.map((id) => [id, leverSchema])) as Record<LeverId, typeof leverSchema>,
);
