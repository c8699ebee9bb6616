import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { canonicalContent, type PointSampler, type ResolvedScenario, type Sampler } from "@chipsim/core";

/** The chipsim version, from the command line's package.json. */
export const CHIPSIM_VERSION: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

/**
 * What produced a result: the scenario and a hash of its resolved content,
 * the chipsim version, the seed and the runs. It goes into every export;
 * nothing in it changes between identical runs, so identical runs still
 * give byte-identical files. The sidecar manifest.json adds the command
 * line and the date, which do change.
 */
export interface RunManifest {
  readonly chipsim: string;
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly seed: number | string;
  readonly runs: number;
  readonly horizon: number;
  /** "sobol" or "lhs" when the runs drew points (absent: each parameter's random stream). */
  readonly sampler?: PointSampler;
}

export function runManifest(scenario: ResolvedScenario, seed: number | string, runs: number, sampler: Sampler = "random"): RunManifest {
  return {
    chipsim: CHIPSIM_VERSION,
    scenario: scenario.meta.id,
    scenarioHash: scenarioHash(scenario),
    seed,
    runs,
    horizon: scenario.meta.horizon,
    ...(sampler !== "random" ? { sampler } : {}),
  };
}

export function scenarioHash(scenario: ResolvedScenario): string {
  return `sha256:${createHash("sha256").update(canonicalContent(scenario)).digest("hex")}`;
}

/** The sidecar: the manifest plus what differs between identical runs. */
export function sidecar(manifest: RunManifest, argv: readonly string[], files: readonly string[]): string {
  return `${JSON.stringify({ ...manifest, command: ["chipsim", ...argv].join(" "), date: new Date().toISOString(), node: process.version, files }, null, 2)}\n`;
}

/** The manifest as Parquet key-value metadata. */
export function manifestKeyValues(manifest: RunManifest): { key: string; value: string }[] {
  return Object.entries(manifest).map(([k, v]) => ({ key: `chipsim.${k}`, value: String(v) }));
}
