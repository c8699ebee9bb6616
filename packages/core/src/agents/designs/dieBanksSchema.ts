import { z } from "zod";
import { quantity, ratio } from "../../schema/param.js";
import { idSchema, section } from "../../schema/object.js";

/**
 * Finite stocks of accelerator dies made abroad before the foundry ban.
 * Each design that may use a bank holds its own part of it (dieBankParts.ts);
 * packaging draws on a part once its design ships. us-foundry-ban leakage
 * can top the parts up.
 */
export const dieBankSchema = section({
  dies: quantity("die", "Dies in the bank at 2024Q1."),
  inflowPerYearWithoutBan: quantity("die/year", "Dies foreign foundries would add per year with no foundry ban; us-foundry-ban blocks its strength's share."),
  designs: z.array(idSchema).min(1).describe("Designs that can use these dies."),
  allotment: z
    .record(idSchema, ratio("Relative part of the bank held for this design."))
    .optional()
    .describe(
      "Relative part of the bank (and of each arrival) held for each of its designs, by design id; a design not named here gets its waferShare, and an entry for a design the bank does not list has no effect. A part waits for its design's launch and passes to the bank's other designs at its end of life.",
    ),
});

export const dieBanksSchema = z.record(idSchema, dieBankSchema);
