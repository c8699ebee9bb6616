import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { formatIssue } from "@chipsim/core";
import { BUILTIN_DIR, parseScenarioText } from "@chipsim/scenarios";
import { chipsim } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempScenarios.js";
import { count, expectCleanOutcome, fuzzCounts } from "./fuzzOutcome.js";

/**
 * The scenario loader (YAML and JSON) and the `--set` parser under a
 * fuzzer: real scenario files with bytes flipped, cut short, spliced with
 * random unicode, hostile values and duplicate keys; random JSON; random
 * `--set` text. Every input goes through `chipsim validate` in process, and
 * must end in success or a clean refusal (fuzzOutcome.ts) within
 * MAX_MS_PER_INPUT. The seed is fixed, so the inputs are the same on every
 * run; the counts go to test-results/robustness.json.
 */
const SEED = 7_2026;
/** Inputs that only need parsing cost a few milliseconds each; those that parse and then resolve against the baseline cost about 30. */
const RUNS = 200;
const RESOLVING_RUNS = 100;
/** Accepted inputs in the `run --out` property simulate two runs and write files, so fewer of them. */
const RUN_RUNS = 100;
/** Generous: a refusal takes milliseconds; the bound catches a parser that hangs or backtracks. */
const MAX_MS_PER_INPUT = 5_000;

const dir = tempDir("chipsim-fuzz-");
const baseline = readFileSync(join(BUILTIN_DIR, "baseline.yaml"));
const child = readFileSync(join(BUILTIN_DIR, "korea-memory-squeeze.yaml"));
const childLines = child.toString("utf8").split("\n");
/** Lines of the child scenario that hold a value (`key: value`). */
const childValueLines = childLines.flatMap((line, i) => (/:\s*\S/.test(line) ? [i] : []));

/** The child scenario with the value on line `lineIndex` replaced by `value`. */
function childWithValue(lineIndex: number, value: string): string {
  const edited = [...childLines];
  const line = edited[lineIndex] as string;
  edited[lineIndex] = `${line.slice(0, line.indexOf(":") + 1)} ${value}`;
  return edited.join("\n");
}
const sources = [baseline, child];
let fileNumber = 0;

async function validateFile(property: string, bytes: Buffer | string, ext = "yaml"): Promise<void> {
  const name = `fuzz-${fileNumber++}.${ext}`;
  writeFileSync(join(dir, name), bytes);
  const started = performance.now();
  const result = await chipsim(["validate", name], dir);
  const ms = performance.now() - started;
  count(property, result, ms);
  expectCleanOutcome(result, [name]);
  expect(ms).toBeLessThan(MAX_MS_PER_INPUT);
}

async function validateSet(property: string, set: string): Promise<void> {
  const started = performance.now();
  const result = await chipsim(["validate", "baseline", "--set", set], dir);
  const ms = performance.now() - started;
  count(property, result, ms);
  expectCleanOutcome(result, ["--set"]);
  expect(ms).toBeLessThan(MAX_MS_PER_INPUT);
}

const params = { seed: SEED, numRuns: RUNS };
const resolving = { seed: SEED, numRuns: RESOLVING_RUNS };
const sourceIndex = fc.integer({ min: 0, max: sources.length - 1 });

/** Values that have broken parsers and number readers elsewhere. */
const hostileValue = fc.constantFrom(
  "1e400", "-1e400", "99999999999999999999", "1e400 GW", "99999999999999999999 kwpm", ".nan", ".inf", "-.inf", ".NaN",
  "0x7fffffffffffffff", "-0", "1e-400", '"5 GW"', "null", "~", "[]", "{}", "!!binary AAAA", "!!js/function 'x'",
  "'import({}, {override: true})'", "createUnit('x')", "evaluate('1+1')", "parse('x')", "f(x)=x", "&a 5", "*a", "<<: *a",
  "\u202e\u0000\ufeff", "😀 GW", "5 ＧＷ", "'\ud800'", `"${"9".repeat(5000)}"`, `"${"(".repeat(3000)}5 GW${")".repeat(3000)}"`,
);

describe("the scenario loader under a fuzzer", () => {
  it("survives flipped bytes", async () => {
    await fc.assert(
      fc.asyncProperty(sourceIndex, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (s, flips) => {
        const bytes = Buffer.from(sources[s] as Buffer);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        await validateFile("flipped bytes", bytes);
      }),
      resolving,
    );
  });

  it("survives files cut short anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(sourceIndex, fc.nat(), async (s, cut) => {
        const bytes = sources[s] as Buffer;
        await validateFile("truncated", bytes.subarray(0, cut % (bytes.length + 1)));
      }),
      resolving,
    );
  });

  it("parses a file cut at every byte, or names the file in a one-line issue", () => {
    const text = child.toString("utf8");
    for (let cut = 0; cut <= text.length; cut++) {
      const started = performance.now();
      const parsed = parseScenarioText("cut.yaml", text.slice(0, cut));
      count("truncated at every byte (parser)", { code: parsed.ok ? 0 : 2 }, performance.now() - started);
      if (parsed.ok) continue;
      for (const issue of parsed.issues) {
        const line = formatIssue(issue);
        expect(line.startsWith("cut.yaml")).toBe(true);
        expect(line).not.toContain("\n");
        expect(line).toMatch(/expected .+, found /);
      }
    }
  });

  it("survives random unicode spliced in", async () => {
    await fc.assert(
      fc.asyncProperty(sourceIndex, fc.nat(), fc.string({ unit: "binary", maxLength: 40 }), async (s, at, text) => {
        const source = (sources[s] as Buffer).toString("utf8");
        const i = at % (source.length + 1);
        await validateFile("unicode spliced", source.slice(0, i) + text + source.slice(i));
      }),
      resolving,
    );
  });

  it("survives hostile values in place of any value", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...childValueLines), hostileValue, async (lineIndex, value) => {
        await validateFile("hostile values", childWithValue(lineIndex, value));
      }),
      resolving,
    );
  });

  it("writes nothing when it refuses a run", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...childValueLines), hostileValue, async (lineIndex, value) => {
        const edited = childWithValue(lineIndex, value);
        const name = `run-${fileNumber++}.yaml`;
        const out = join(dir, `out-${fileNumber}`);
        writeFileSync(join(dir, name), edited);
        const started = performance.now();
        const result = await chipsim(["run", name, "--runs", "2", "--out", out, "--quiet"], dir);
        const ms = performance.now() - started;
        count("run --out, hostile values", result, ms);
        expectCleanOutcome(result, [name]);
        expect(existsSync(out)).toBe(result.code === 0);
      }),
      { seed: SEED, numRuns: RUN_RUNS },
    );
  });

  it("survives duplicated keys", async () => {
    const lines = baseline.toString("utf8").split("\n");
    await fc.assert(
      fc.asyncProperty(fc.nat(lines.length - 1), async (i) => {
        const edited = [...lines.slice(0, i + 1), lines[i] as string, ...lines.slice(i + 1)];
        await validateFile("duplicate keys", edited.join("\n"));
      }),
      resolving,
    );
  });

  it("survives nesting up to 10,000 levels, in flow and block style", async () => {
    const nested = fc.oneof(
      fc.integer({ min: 1, max: 10_000 }).map((n) => `id: x\nlevers: ${"{a: ".repeat(n)}1${"}".repeat(n)}\n`),
      fc.integer({ min: 1, max: 10_000 }).map((n) => `id: x\nlevers: ${"[".repeat(n)}${"]".repeat(n)}\n`),
      fc.integer({ min: 1, max: 2_000 }).map((n) => Array.from({ length: n }, (_, k) => `${" ".repeat(k)}a:`).join("\n")),
      fc.integer({ min: 1, max: 2_000 }).map((n) => Array.from({ length: n }, (_, k) => `${" ".repeat(2 * k)}- `).join("\n") + "1"),
    );
    await fc.assert(fc.asyncProperty(nested, async (text) => validateFile("deep nesting", text)), { ...params, numRuns: 100 });
  });

  it("survives random JSON documents", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => validateFile("random JSON", JSON.stringify(value), "json")),
      params,
    );
  });

  it("survives random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => validateFile("random bytes", Buffer.from(bytes))),
      params,
    );
  });
});

describe("the --set parser under a fuzzer", () => {
  const paths = fc.constantFrom("levers.us-hbm-ban.strength", "power.availableAtStart", "lithography.domesticEuv.readyYear", "market.demandGrowth", "runs", "__proto__.x", "levers.__proto__.strength", "a..b", "");

  it("survives random text", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: "binary", maxLength: 200 }), async (text) => validateSet("random --set text", text)), params);
  });

  it("survives random values for real paths", async () => {
    const value = fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), hostileValue, fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)));
    await fc.assert(fc.asyncProperty(paths, value, async (path, v) => validateSet("random --set values", `${path}=${v}`)), resolving);
  });

  it("leaves Object.prototype alone", () => {
    expect(({} as Record<string, unknown>)["strength"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });
});

afterAll(() => {
  mkdirSync("test-results", { recursive: true });
  const total = Object.values(fuzzCounts).reduce((sum, c) => sum + c.inputs, 0);
  writeFileSync(join("test-results", "robustness.json"), `${JSON.stringify({ seed: SEED, total, properties: fuzzCounts }, null, 2)}\n`);
});
