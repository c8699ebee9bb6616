import { describe, expect, it } from "vitest";
import { scenarioSchema } from "../schema/scenario.js";
import { AGENTS, STEP_ORDER } from "./registry.js";
import { AGENT_DEFINITIONS } from "./sections.js";

describe("agent registry", () => {
  it("lists the whole definitions in step order, each carrying its engine part", () => {
    expect(STEP_ORDER).toEqual(["policy", "lithography", "fabs", "yield", "memory", "packaging", "designs", "power", "market", "planning"]);
    expect(AGENT_DEFINITIONS.map((d) => d.name)).toEqual(STEP_ORDER);
    AGENT_DEFINITIONS.forEach((definition, i) => {
      const engine = AGENTS[i];
      expect(definition.build).toBe(engine?.build);
      expect(definition.modelChecks).toBe(engine?.modelChecks);
    });
  });

  it("gives every top-level section of the scenario to exactly one agent", () => {
    const owners = Object.fromEntries(AGENT_DEFINITIONS.flatMap((d) => Object.keys(d.sections).map((section) => [section, d.name])));
    expect(owners).toEqual({
      levers: "policy",
      triggers: "policy",
      subsidies: "policy",
      lithography: "lithography",
      nodes: "fabs",
      fabs: "fabs",
      yield: "yield",
      memory: "memory",
      packaging: "packaging",
      dieBanks: "designs",
      designs: "designs",
      power: "power",
      market: "market",
      planning: "planning",
    });
    const own = ["id", "title", "description", "question", "changes", "extends", "horizon", "runs", "seed", "quarterly", "bibliography", "correlations"];
    expect(Object.keys(scenarioSchema.shape).sort()).toEqual([...own, ...Object.keys(owners)].sort());
    for (const d of AGENT_DEFINITIONS) {
      for (const [key, section] of Object.entries(d.sections)) expect(scenarioSchema.shape[key as keyof typeof scenarioSchema.shape]).toBe(section);
    }
  });
});
