import type { z } from "zod";
import { designsDefinition } from "./designs/index.js";
import { fabsDefinition } from "./fabs/index.js";
import { lithographyDefinition } from "./lithography/index.js";
import { marketDefinition } from "./market/index.js";
import { memoryDefinition } from "./memory/index.js";
import { packagingDefinition } from "./packaging/index.js";
import { planningDefinition } from "./planning/index.js";
import { policyDefinition } from "./policy/index.js";
import { powerDefinition } from "./power/index.js";
import { yieldDefinition } from "./yield/index.js";

/**
 * Every agent's whole definition, in step order (the order of
 * agents/registry.ts, which a test holds it to): the scenario sections each
 * owns and the rules across their fields, for resolving scenarios. This
 * list loads zod; compiling a model uses agents/registry.ts, which does not.
 */
export const AGENT_DEFINITIONS = [
  policyDefinition,
  lithographyDefinition,
  fabsDefinition,
  yieldDefinition,
  memoryDefinition,
  packagingDefinition,
  designsDefinition,
  powerDefinition,
  marketDefinition,
  planningDefinition,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every agent's sections in one shape, by section key. */
export type AgentSections = UnionToIntersection<(typeof AGENT_DEFINITIONS)[number]["sections"]>;

export const AGENT_SECTIONS: AgentSections = mergeSections();

function mergeSections(): AgentSections {
  const all: Record<string, z.ZodType> = {};
  for (const definition of AGENT_DEFINITIONS) {
    for (const [key, schema] of Object.entries(definition.sections)) {
      if (Object.hasOwn(all, key)) throw new Error(`section ${key} is owned by two agents`);
      all[key] = schema;
    }
  }
  return all as AgentSections;
}
