import type { CompiledModel } from "../model/compileModel.js";
import { QUARTERS_PER_YEAR } from "../time/index.js";

/** Calendar years the model reports: its quarters, rounded up to whole years. */
export function yearsOf(model: CompiledModel): number {
  return Math.ceil(model.world.layout.quarters / QUARTERS_PER_YEAR);
}
