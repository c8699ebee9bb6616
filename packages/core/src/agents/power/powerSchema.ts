import { quantity, ratio } from "../../schema/param.js";
import { section } from "../../schema/object.js";

export const powerSchema = section({
  availableAtStart: quantity("GW", "Data-centre power available to AI accelerators in China at 2024Q1 (facility level)."),
  growthPerYear: ratio("Annual growth of that power."),
  pue: ratio("Power usage effectiveness: facility power per watt of IT load.", { min: 1 }),
  systemOverhead: ratio("Server, network and cooling-inside-the-rack power per watt of accelerator TDP (k_sys).", { min: 1 }),
});
