import { z } from "zod";
import { idSchema } from "./object.js";

/** One entry of the source bibliography: the article, report or filing a number comes from. */
export const bibliographyEntrySchema = z.strictObject({
  id: idSchema,
  kind: z.enum(["article", "report", "filing", "datasheet", "dataset", "derived"]),
  publisher: z.string().min(1),
  title: z.string().min(1),
  date: z.string().regex(/^\d{4}(-\d{2}){0,2}$/, 'expected "YYYY", "YYYY-MM" or "YYYY-MM-DD"'),
  url: z.string().optional(),
  file: z.string().optional(),
  part: z.number().int().positive().optional(),
  calibrationRows: z.array(z.number().int().positive()).optional(),
  note: z.string().optional(),
});

export type BibliographyEntry = z.output<typeof bibliographyEntrySchema>;

export const bibliographySchema = z.array(bibliographyEntrySchema);
