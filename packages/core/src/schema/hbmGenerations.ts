/**
 * HBM generations in order: a design accepts stacks of its generation or
 * newer. No schema code here: the engine imports this without zod (the
 * schema is in hbmGenerationSchema.ts).
 */
export const HBM_GENERATIONS = ["hbm2", "hbm2e", "hbm3", "hbm3e", "hbm4"] as const;
export type HbmGeneration = (typeof HBM_GENERATIONS)[number];

export function generationRank(generation: HbmGeneration): number {
  return HBM_GENERATIONS.indexOf(generation);
}
