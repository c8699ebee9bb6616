import { ScenarioError, type ResolvedScenario } from "@chipsim/core";
import { resolve } from "../helpers/scenario.js";
import type { ScenarioCase } from "./randomScenario.js";

/** The case's scenario, or undefined when the overrides together break a cross-field rule (it is then refused, not run). */
export function resolveCase(c: ScenarioCase): ResolvedScenario | undefined {
  try {
    return resolve(c.base, c.overrides);
  } catch (error) {
    if (error instanceof ScenarioError) return undefined;
    throw error;
  }
}
