/** Spare cores (cores - coresRequired) the harvesting formula handles accurately (agents/yield/coreHarvesting.ts). */
export const MAX_SPARE_CORES = 16;
