import { z } from "zod";

/**
 * Every object in a scenario may say where its numbers come from: `source`
 * (a bibliography id) or `assumption` (why, when no source gives it), plus
 * a `claim` (what the source says, paraphrased) and a `note`. They apply to the parameters below the object in the same file,
 * unless a parameter says otherwise.
 */
export const provenanceFields = {
  source: z.string().min(1).optional().describe("Bibliography id backing the numbers below this point."),
  assumption: z.string().min(1).optional().describe("Why, when no source gives the numbers below this point."),
  claim: z.string().min(1).optional().describe("What the source says that sets the numbers below, paraphrased."),
  note: z.string().optional().describe("Free text for readers."),
};

/** A strict object (unknown fields are errors) that may carry provenance. */
export function section<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...shape, ...provenanceFields });
}

/** Ids of things in a scenario (designs, fabs, nodes, triggers): kebab-case. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "expected a lower-case id of letters, digits and dashes (e.g. ascend-910c)");
