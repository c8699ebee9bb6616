import { duration, quantity, ratio } from "../../schema/param.js";
import { section } from "../../schema/object.js";

export const powerSchema = section({
  availableAtStart: quantity("GW", "Data-centre capacity connected to the grid and open to AI accelerators in China at the start of 2024 (facility level)."),
  connectionsPerYear: quantity("GW/year", "Data-centre capacity for AI accelerators that planned projects connect to the grid each year, at the 2024 rate (facility level)."),
  connectionsGrowth: ratio("Annual growth of that rate of planned connections."),
  gridConnectionTime: duration("Time from starting a data centre for accelerators that found no power to its grid connection."),
  pue: ratio("Power usage effectiveness: facility power per watt of IT load.", { min: 1 }),
  systemOverhead: ratio("Server, network and cooling-inside-the-rack power per watt of accelerator TDP (k_sys).", { min: 1 }),
});
