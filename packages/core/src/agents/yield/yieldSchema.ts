import { fraction, quantity, ratio } from "../../schema/param.js";
import { section } from "../../schema/object.js";

/** Settings of the die-yield model shared by every node and design. */
export const yieldSchema = section({
  clustering: ratio("Clustering parameter alpha of the negative-binomial yield model (small: clustered defects; large: Poisson).", { min: 0.01 }),
  perLayerYield: fraction("Yield factor for each extra critical patterning layer (the multi-patterning penalty)."),
  waferDiameter: quantity("mm", "Wafer diameter."),
  edgeExclusion: quantity("mm", "Unusable ring at the wafer edge."),
});
