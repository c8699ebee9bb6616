import { z } from "zod";
import { param } from "./param.js";
import { section } from "./object.js";

/**
 * Rank (Spearman) correlations between uncertain parameters, such as the
 * size of the subsidy package and how fast fabs expand. Applied through a
 * Gaussian copula, so each parameter keeps exactly its own distribution.
 */
export const correlationSchema = section({
  between: z.tuple([z.string().min(1), z.string().min(1)]).describe("The two parameter paths."),
  rank: param({
    kind: "quantity",
    unit: "1",
    min: -0.999,
    max: 0.999,
    description: "Spearman rank correlation between the two parameters (a fixed value).",
  }),
});

export const correlationsSchema = z.array(correlationSchema);
