import type { BibliographyEntry } from "../schema/bibliography.js";
import type { Param } from "../schema/param.js";
import type { ScenarioTree } from "../schema/scenario.js";

export interface ScenarioMeta {
  readonly id: string;
  readonly title: string;
  /** The scenario's own description; absent when its file gives none (a parent's is not inherited). */
  readonly description?: string;
  readonly question?: string;
  /** What the scenario says it changes from its parent (paths or path prefixes). */
  readonly changes?: readonly string[];
  readonly extends?: string;
  readonly horizon: number;
  readonly runs: number;
  readonly seed: number | string;
  /** Whether the designers' figures are also reported per quarter (absent when not). */
  readonly quarterly?: true;
  /** The files merged to make the scenario, parent first. */
  readonly files: readonly string[];
  /** The command line's `--set` overrides applied on top of the files, as typed (path=value); absent when none were. */
  readonly overrides?: readonly string[];
  /**
   * Set on the attribution's hybrids only: scenario `from` with `to`'s
   * values under `parts`. No command runs a hybrid alone, so errors in its
   * runs point to the comparison instead (runNaming.ts).
   */
  readonly hybrid?: { readonly from: string; readonly to: string; readonly parts: readonly string[] };
}

export interface Location {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * A scenario ready to compile: `extends` merged, overrides applied, units
 * normalised, every parameter a distribution with its path and provenance.
 * Agents see only this, never the raw files.
 */
export interface ResolvedScenario {
  readonly meta: ScenarioMeta;
  readonly tree: ScenarioTree;
  /** Every parameter, in file order. */
  readonly params: readonly Param[];
  readonly bibliography: ReadonlyMap<string, BibliographyEntry>;
  /** The file (and line) that set the value at a dotted path. */
  locate(path: string): Location;
}
