import { z } from "zod";
import { duration, fraction } from "../../schema/param.js";
import { LEVER_IDS } from "../../schema/leverIds.js";
import { section } from "../../schema/object.js";

/**
 * Conditional policy: when an observed indicator crosses a threshold, a
 * lever is set to a new strength after a delay. This is what makes policy
 * an agent rather than a constant.
 */
export const triggerSchema = section({
  description: z.string().optional(),
  when: z
    .string()
    .min(1)
    .describe(
      'Condition on the last completed quarter, e.g. "share.domestic > 0.6" or "accelerators.domestic >= 2e6" (flows are annual rates); several joined by "and".',
    ),
  for: duration("How long the condition must hold before the response (default one quarter).").optional(),
  probability: fraction("Chance, per run, that the response happens at all once the condition is met (default 1).").optional(),
  then: section({
    lever: z.enum(LEVER_IDS).describe("The lever that responds."),
    strength: fraction("The lever's strength once the response takes effect."),
    delay: duration("Time from the condition being met to the response taking effect (default 0)."). optional(),
  }),
});

export const triggersSchema = z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), triggerSchema);
