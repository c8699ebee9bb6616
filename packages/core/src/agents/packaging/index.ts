import type { AgentDefinition } from "../../model/agentDefinition.js";
import { packagingEngine } from "./engine.js";
import { packagingSchema } from "./packagingSchema.js";

const sections = {
  packaging: packagingSchema.describe("2.5D (CoWoS-like) interposer capacity for accelerator packages."),
};

/** Packaging: 2.5D interposer capacity for accelerator packages. */
export const packagingDefinition: AgentDefinition<"packaging", typeof sections> = {
  ...packagingEngine,
  sections,
};
