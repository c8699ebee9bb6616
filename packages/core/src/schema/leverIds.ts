/**
 * Export-control and industrial-policy levers. The set is fixed because each
 * lever is read by a named agent (model/leverEffects.ts, and docs/model.md); a
 * scenario sets when each starts and ends and how strongly it is enforced.
 * No schema code here: the engine imports this without zod.
 */
export const LEVER_IDS = [
  "us-euv-ban",
  "us-duv-controls",
  "us-duv-servicing",
  "us-hbm-ban",
  "us-ai-chip-exports",
  "us-next-generation-exports",
  "us-foundry-ban",
  "cn-domestic-mandate",
  "cn-import-rejection",
  "cn-minerals-controls",
  "cn-subsidies",
] as const;
export type LeverId = (typeof LEVER_IDS)[number];
