import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chipsim } from "../helpers/cli.js";
import { tempDir, writeFile } from "../helpers/tempScenarios.js";
import { expectCleanOutcome } from "./fuzzOutcome.js";

/**
 * "Billion laughs": nine levels of nine aliases each expand a few hundred
 * bytes into 9^9 (387 million) strings. The alias cap refuses it before
 * expansion. The time bound is generous (a refusal takes milliseconds here;
 * an expansion would take minutes and gigabytes), so a slow machine does
 * not fail it, while an expansion could never pass.
 */
const BOUND_MS = 5_000;

function laughs(levels: number, flow: boolean): string {
  const lines = ['l0: &l0 "lol"'];
  for (let k = 1; k <= levels; k++) {
    const refs = Array.from({ length: 9 }, () => `*l${k - 1}`);
    lines.push(flow ? `l${k}: &l${k} [${refs.join(", ")}]` : `l${k}: &l${k}\n${refs.map((r) => `  - ${r}`).join("\n")}`);
  }
  return `${lines.join("\n")}\n`;
}

async function timed(args: string[], cwd: string) {
  const started = performance.now();
  const result = await chipsim(args, cwd);
  return { result, ms: performance.now() - started };
}

describe("YAML alias bombs", () => {
  it.each([
    ["flow", true],
    ["block", false],
  ] as const)("a billion laughs in a scenario file (%s style) is refused quickly, exit 2", async (_style, flow) => {
    const dir = tempDir();
    const file = writeFile(dir, "laughs.yaml", `id: laughs\ntitle: L\ndescription: L.\nextends: baseline\n${laughs(9, flow)}`);
    const { result, ms } = await timed(["run", file, "--runs", "10", "--out", join(dir, "out")], dir);
    expect(result.code).toBe(2);
    expectCleanOutcome(result, ["laughs.yaml"]);
    expect(result.stderr).toContain("laughs.yaml expected valid YAML (or JSON), found Excessive alias count");
    expect(ms).toBeLessThan(BOUND_MS);
    const { existsSync } = await import("node:fs");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("a billion laughs in a --set value is refused quickly, exit 2", async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [["b", "a"], ["c", "b"], ["d", "c"], ["e", "d"], ["f", "e"]]) levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    const dir = tempDir();
    const { result, ms } = await timed(["validate", "baseline", "--set", `market.demandGrowth={${levels.join(", ")}}`], dir);
    expect(result.code).toBe(2);
    expectCleanOutcome(result, ["--set market.demandGrowth"]);
    expect(result.stderr).toContain("Excessive alias count");
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("nesting 10,000 levels deep is refused as too deep, not a stack overflow", async () => {
    const dir = tempDir();
    for (const [name, text] of [
      ["flow.yaml", `id: x\nlevers: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n`],
      ["list.json", `${"[".repeat(10_000)}${"]".repeat(10_000)}`],
      ["shallow.yaml", `id: x\nlevers: ${"{a: ".repeat(100)}1${"}".repeat(100)}\n`],
    ] as const) {
      const { result, ms } = await timed(["validate", writeFile(dir, name, text)], dir);
      expect(result.code).toBe(2);
      expectCleanOutcome(result, [name]);
      expect(result.stderr).toContain("expected at most 64 levels of nested mappings and lists");
      expect(result.stderr).not.toContain("call stack");
      expect(ms).toBeLessThan(BOUND_MS);
    }
    const { result } = await timed(["validate", "baseline", "--set", `market.demandGrowth=${"[".repeat(10_000)}${"]".repeat(10_000)}`], dir);
    expect(result.code).toBe(2);
    expectCleanOutcome(result, ["--set market.demandGrowth"]);
    expect(result.stderr).toContain("expected at most 64 levels");
  });
});
