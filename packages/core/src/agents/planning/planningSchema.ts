import { duration, fraction } from "../../schema/param.js";
import { section } from "../../schema/object.js";

/** How designers plan wafer starts against what they expect to package, and how long waiting dies keep. */
export const planningSchema = section({
  inventoryCover: duration("Good dies a designer keeps on hand beyond its fab lead time, in quarters of expected packaging use (the safety stock of its order-up-to plan)."),
  dieWriteOffPerYear: fraction("Share of the dies waiting to be packaged (and of the die banks) written off per year, applied a quarter at a time. Absent: none, beyond the dies of a design past its end of life.").optional(),
});
