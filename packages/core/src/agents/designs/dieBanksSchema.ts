import { z } from "zod";
import { quantity } from "../../schema/param.js";
import { idSchema, section } from "../../schema/object.js";

/**
 * Finite stocks of accelerator dies made abroad before the foundry ban.
 * Packaging draws on them until they run out; us-foundry-ban leakage can
 * top them up.
 */
export const dieBankSchema = section({
  dies: quantity("die", "Dies in the bank at 2024Q1."),
  inflowPerYearWithoutBan: quantity("die/year", "Dies foreign foundries would add per year with no foundry ban; us-foundry-ban blocks its strength's share."),
  designs: z.array(idSchema).min(1).describe("Designs that can use these dies."),
});

export const dieBanksSchema = z.record(idSchema, dieBankSchema);
