import { expect } from "vitest";
import type { CliResult } from "../helpers/cli.js";

/**
 * What every fuzzed input must lead to: success (exit 0), or bad input
 * (exit 2) told as "chipsim: bad input" and then one line per problem, each
 * naming the file or flag at fault; never an internal error, never a stack
 * trace, never output on stdout after a refusal.
 */
export function expectCleanOutcome(result: CliResult, names: readonly string[]): void {
  expect(result.stderr).not.toContain("internal error");
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect([0, 2]).toContain(result.code);
  if (result.code === 0) return;
  expect(result.stdout).toBe("");
  const [heading, ...problems] = result.stderr.trimEnd().split("\n");
  expect(heading).toBe("chipsim: bad input");
  expect(problems.length).toBeGreaterThan(0);
  for (const line of problems) {
    if (line === "  (see chipsim --help)") continue;
    expect(line.startsWith("  ")).toBe(true);
    expect(names.some((name) => line.includes(name)), `"${line}" names none of ${names.join(", ")}`).toBe(true);
    expect(line).toMatch(/expected .+, found /);
  }
}

/** Inputs tried per property, written to test-results/robustness.json for docs/reliability.md. */
export const fuzzCounts: Record<string, { inputs: number; refused: number; accepted: number; slowestMs: number }> = {};

export function count(property: string, result: Pick<CliResult, "code">, ms: number): void {
  const entry = (fuzzCounts[property] ??= { inputs: 0, refused: 0, accepted: 0, slowestMs: 0 });
  entry.inputs += 1;
  if (result.code === 0) entry.accepted += 1;
  else entry.refused += 1;
  entry.slowestMs = Math.max(entry.slowestMs, Math.round(ms));
}
