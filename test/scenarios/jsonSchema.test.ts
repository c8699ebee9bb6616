import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AjvModule, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { resolveScenario, ScenarioError, scenarioJsonSchema, type ParamSpec } from "@chipsim/core";
import { builtinIds, builtinPath, loadBibliography, loadScenarioChain, parseScenarioText } from "@chipsim/scenarios";
import { beforeAll, describe, expect, it } from "vitest";
import { DIST_FIELDS, DIST_KINDS, PERCENTILE_KEYS } from "../../packages/core/src/schema/distributionFields.js";
import { parameterDefName } from "../../packages/core/src/schema/jsonSchemaParams.js";
import { readParam } from "../../packages/core/src/schema/readParam.js";
import { CHIPSIM_BIN } from "../helpers/bin.js";
import { resolve } from "../helpers/scenario.js";
import { tempDir, writeFile } from "../helpers/tempScenarios.js";

/**
 * The JSON Schema users give their editor (`chipsim schema`), checked with
 * ajv (draft 2020-12, every error, strict mode) against what the loader
 * accepts: every built-in scenario and a user's file that extends one are
 * valid; a misspelt field, a wrong type, an unknown distribution, a
 * quantity without its unit and a missing field are errors at the field
 * the loader names; and no way of writing a parameter that the loader
 * reads is refused.
 */
const Ajv2020 = AjvModule.default;
type Json = Record<string, unknown>;

let schema: Json;
let ajv: InstanceType<typeof Ajv2020>;
let validate: ValidateFunction;

beforeAll(() => {
  // What users get: the built command's output.
  schema = JSON.parse(execFileSync(process.execPath, [CHIPSIM_BIN, "schema"], { encoding: "utf8" })) as Json;
  // Strict mode, with union types (a parameter is a number, a text or an object) and the
  // message editors show for a text that does not match its pattern.
  ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addVocabulary(["patternErrorMessage"]);
  ajv.addSchema(schema, "scenario");
  validate = ajv.getSchema("scenario") as ValidateFunction;
});

/** A scenario's text as the loader reads it (YAML 1.2 core, the same parser). */
function readText(text: string, file = "test.yaml"): unknown {
  const parsed = parseScenarioText(file, text);
  if (!parsed.ok) throw new Error(`unreadable: ${JSON.stringify(parsed.issues)}`);
  return parsed.document.data;
}

/** Where ajv sees a problem, as a dotted path like the loader's (a field it misses or does not know included). */
function errorPath(e: ErrorObject): string {
  const path = e.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const field = (e.params as { additionalProperty?: string; missingProperty?: string }).additionalProperty ?? (e.params as { missingProperty?: string }).missingProperty;
  return [...path, ...(field !== undefined ? [field] : [])].join(".");
}

/**
 * The errors that say what is wrong, not which branch was taken: an `if`
 * whose `then` failed, an `anyOf` that failed, and the "or null" branch of
 * a field a child scenario may remove.
 */
function schemaErrors(data: unknown): ErrorObject[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).filter((e) => e.keyword !== "if" && e.keyword !== "anyOf" && !(e.keyword === "type" && (e.params as { type?: unknown }).type === "null"));
}

/** The paths the loader names for a file (every issue `chipsim validate` would print), or [] when it accepts it. */
function loaderPaths(file: string): string[] {
  try {
    resolveScenario({ documents: loadScenarioChain(file), bibliography: loadBibliography() });
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.issues.map((i) => i.path);
  }
}

const baselineText = readFileSync(builtinPath("baseline") as string, "utf8");

/** A complete scenario: the baseline with a change, written as JSON (which the loader reads as YAML). */
function completeScenario(change: (data: Json) => void): string {
  const data = structuredClone(readText(baselineText)) as Json;
  data["id"] = "changed";
  change(data);
  return JSON.stringify(data);
}

/** A user's file: a few lines that extend the baseline by id. */
function extending(body: string): string {
  return `id: my-scenario\ntitle: Mine\ndescription: The baseline with a change.\nextends: baseline\n${body}`;
}

/** Both the schema and the loader refuse the text, and the schema's errors are at the paths the loader names. */
function expectRefusedAt(text: string, paths: string[]): void {
  const errors = schemaErrors(readText(text));
  expect(errors.length, "the schema refuses it").toBeGreaterThan(0);
  expect([...new Set(errors.map(errorPath))].sort()).toEqual([...paths].sort());
  const file = writeFile(tempDir(), "scenario.yaml", text);
  const loader = loaderPaths(file);
  expect(loader.length, "the loader refuses it").toBeGreaterThan(0);
  for (const path of paths) expect(loader, `the loader names ${path}`).toContain(path);
}

/** Every error ajv reports, for a file that must have none. */
function allErrors(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${errorPath(e)}: ${e.message ?? e.keyword}`);
}

function expectAccepted(text: string): void {
  expect(allErrors(readText(text))).toEqual([]);
  expect(loaderPaths(writeFile(tempDir(), "scenario.yaml", text))).toEqual([]);
}

describe("the JSON Schema that chipsim schema prints", () => {
  it("is the library's scenarioJsonSchema() in draft 2020-12, and asks a file that extends another only to name itself", () => {
    expect(schema).toEqual(scenarioJsonSchema());
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    // A description is optional, and not inherited: a file is named by its id and title.
    expect(schema["required"]).toEqual(["id", "title"]);
    // Without `extends`, a complete scenario's fields are required as well.
    expect(schema["if"]).toEqual({ properties: { extends: false } });
    expect(schema["then"]).toEqual({ $ref: "#/$defs/completeScenario" });
    expect(((schema["$defs"] as Record<string, Json>)["completeScenario"] as Json)["required"]).toEqual(
      expect.arrayContaining(["horizon", "runs", "seed", "levers", "lithography", "designs", "power", "market"]),
    );
  });

  it.each(builtinIds())("accepts the built-in scenario %s as the loader reads it", (id) => {
    const data = readText(readFileSync(builtinPath(id) as string, "utf8"), `${id}.yaml`);
    expect(allErrors(data)).toEqual([]);
  });

  it("accepts a user's file that extends baseline and overrides a few parameters (the README's example)", () => {
    const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
    const example = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string).find((y) => y.includes("extends: baseline"));
    expect(example).toBeDefined();
    expectAccepted(example as string);
    // Its title is enough: a file that extends another needs no description.
    expectAccepted(`id: no-description\ntitle: No description\nextends: baseline\nlevers:\n  us-hbm-ban:\n    strength: {value: 0, assumption: "No ban."}\n`);
    expectAccepted(
      extending(`lithography:
  domesticEuv:
    readyYear: {dist: pert, min: 2030, mode: 2032, max: 2034Q2, assumption: "The slip this scenario asks about."}
levers:
  us-hbm-ban:
    strength: {value: 1, source: tokenring-korea-2025}
market:
  demandGrowth: {dist: uniform, min: 0.2, max: 0.5, assumption: Faster adoption.}
`),
    );
  });

  it("accepts provenance on sections and collections, and claims on parameters and sections", () => {
    expectAccepted(
      extending(`power:
  assumption: Grid build-out as planned.
  claim: The plans add about a tenth a year.
  availableAtStart: 9 GW
  connectionsGrowth: {dist: pert, min: 8%, mode: 0.12, max: 0.2, claim: A tenth a year or a little more.}
designs:
  source: tokenring-korea-2025
  ascend-910b:
    tdp: 350 W
memory:
  domestic:
    generations:
      assumption: One year later than planned.
      hbm3: {start: 2027Q3, claim: Mass production a year after the samples.}
`),
    );
  });

  it("takes null in a file that extends another where the loader removes what the parent set, and nowhere else", () => {
    const removes = [
      "triggers: null",
      "correlations: null",
      "question: null",
      "changes: null",
      "levers:\n  us-hbm-ban:\n    windows: null\n    description: null",
      "designs:\n  ascend-910b:\n    endOfLife: null\n    packageYield: null",
      "designs:\n  nvidia-h20: null",
    ];
    const refused = ["bibliography: null", "horizon: null", "power: null", "levers:\n  us-hbm-ban: null", "power:\n  source: null", "designs:\n  ascend-910b:\n    tdp: null"];
    for (const body of removes) expectAccepted(extending(`${body}\n`));
    for (const body of refused) {
      const text = extending(`${body}\n`);
      expect(schemaErrors(readText(text)).length, body).toBeGreaterThan(0);
      expect(loaderPaths(writeFile(tempDir(), "scenario.yaml", text)).length, body).toBeGreaterThan(0);
    }
  });

  it("describes the distribution fields, and each parameter with its unit", () => {
    const defs = schema["$defs"] as Record<string, Json>;
    const shape = defs["quantityParameter_min0"] as { properties: Record<string, { description?: string }> };
    for (const field of ["dist", "value", "unit", "min", "max", "mode", "mean", "sd", ...PERCENTILE_KEYS, "lambda", "alpha", "beta", "p", "values", "weights", "source", "assumption", "claim", "note"]) {
      expect(shape.properties[field]?.description, field).toBeTruthy();
    }
    const power = (schema["properties"] as Record<string, Json>)["power"] as { description: string; properties: Record<string, { description: string }> };
    expect(power.description).toMatch(/power/i);
    expect(power.properties["availableAtStart"]?.description).toMatch(/In GW .*"5 GW"/);
  });
});

describe("files the schema refuses, where the loader refuses them", () => {
  it("an unknown field, in a section, in a parameter and at the top", () => {
    expectRefusedAt(extending("power:\n  assumption: Why.\n  pueX: 1.2\n"), ["power.pueX"]);
    expectRefusedAt(extending("power:\n  pue: {value: 1.2, sorce: x, assumption: Why.}\n"), ["power.pue.sorce"]);
    expectRefusedAt(completeScenario((d) => (d["horizn"] = 2035)), ["horizn"]);
  });

  it("a string where a number is required", () => {
    expectRefusedAt(extending("runs: lots\n"), ["runs"]);
    expectRefusedAt(extending("power:\n  pue: {dist: beta, alpha: two, beta: 2, min: 1.1, max: 1.5, assumption: Why.}\n"), ["power.pue.alpha"]);
  });

  it("a distribution the loader does not know", () => {
    expectRefusedAt(extending("power:\n  pue: {dist: gaussian, mean: 1.2, sd: 0.1, assumption: Why.}\n"), ["power.pue.dist"]);
  });

  it("a quantity that is not a number and a unit, and a date that is not a date", () => {
    const power = (value: string) => extending(`power:\n  assumption: Why.\n  availableAtStart: ${value}\n`);
    expectRefusedAt(power('"GW 5"'), ["power.availableAtStart"]);
    expectRefusedAt(power("5"), ["power.availableAtStart"]);
    expectRefusedAt(power('{dist: uniform, min: 4 GW, max: "5%"}'), ["power.availableAtStart.max"]);
    expectRefusedAt(extending("lithography:\n  domesticEuv:\n    readyYear: {value: 2033Q5, assumption: Why.}\n"), ["lithography.domesticEuv.readyYear.value"]);
  });

  it("a complete scenario without a required field, which a file that extends another may leave out", () => {
    expectRefusedAt(completeScenario((d) => delete d["horizon"]), ["horizon"]);
    expectRefusedAt(completeScenario((d) => delete (d["power"] as Json)["pue"]), ["power.pue"]);
    expectAccepted(extending("power:\n  pue: {value: 1.3, assumption: Why.}\n"));
    expectRefusedAt(extending("horizon: null\n"), ["horizon"]);
  });
});

/** Every parameter writing the built-in scenarios use: a spec for each definition. */
function specsInUse(): ParamSpec[] {
  const byName = new Map<string, ParamSpec>();
  for (const id of builtinIds()) for (const p of resolve(id).params) byName.set(`${parameterDefName(p.spec)} ${p.spec.unit}`, p.spec);
  return [...byName.values()];
}

/** Numbers inside a parameter's range, as they are written for it. */
function samples(spec: ParamSpec): { written: unknown[]; bare: number[] } {
  if (spec.kind === "date") return { written: [2026, "2027Q2", "2028-06", 2030], bare: [2026, 2027, 2028, 2030] };
  if (spec.kind === "integer") {
    const lo = spec.min ?? 0;
    return { written: [lo + 1, `${lo + 2}`, lo + 3, lo + 4], bare: [lo + 1, lo + 2, lo + 3, lo + 4] };
  }
  const lo = spec.min ?? 0;
  const hi = spec.max ?? lo + 10;
  const xs = [0.1, 0.3, 0.6, 0.9].map((f) => Number((lo + (hi - lo) * f).toPrecision(6)));
  if (spec.kind === "duration") return { written: xs.map((x) => `${x}Q`), bare: xs };
  if (spec.unit === "1" || spec.kind === "fraction") return { written: [xs[0], `${xs[1]}`, xs[2], xs[3]], bare: xs };
  return { written: xs.map((x) => `${x} ${spec.unit}`), bare: xs };
}

/** A distribution of each kind for the parameter, valid where the parameter may take that kind. */
function distribution(kind: string, spec: ParamSpec): Json {
  const { written: [a, b, c, d] } = samples(spec);
  const sd = spec.kind === "date" || spec.kind === "duration" ? "1Q" : spec.unit === "1" ? 0.01 : `0.1 ${spec.unit}`;
  switch (kind) {
    case "fixed":
      return { dist: kind, value: a };
    case "uniform":
      return { dist: kind, min: a, max: d };
    case "normal":
      return { dist: kind, mean: b, sd, min: a, max: d };
    case "lognormal":
      return { dist: kind, p5: b, p95: c };
    case "triangular":
    case "pert":
      return { dist: kind, min: a, mode: b, max: d };
    case "beta":
      return { dist: kind, alpha: 2, beta: 3, min: a, max: d };
    case "bernoulli":
      return { dist: kind, p: 0.3 };
    default:
      return { dist: kind, values: [a, c], weights: [1, 2] };
  }
}

/** Scalars of every shape, right and wrong: each is tried alone, as a value, and in each field of each distribution. */
const SCALARS: unknown[] = [
  0, 0.5, 1, 1.5, -1, 3, 1e3, 2028, 2029.5, 1899, 2201,
  "0.4", "40%", " 40 % ", "5", "5 GW", "5GW", "700 W", "30 kwpm", "12 kwpm/year", "0.45 cm^-2", "0.18 /cm^2", "1.5e6 stack", "200e9 CNY", "3 stack/wafer",
  "GW 5", "five", "", "5 %", "2028", "2028Q3", "2028 q3", "2025-11", "2025-11-05", "2025-02-30", "2025-13", "2026H1", "4Q", "2 year", "18 month", "1e400 W",
  true, null, [], {},
];

interface Trial {
  readonly def: string;
  readonly raw: unknown;
  /** Whether the case is about the object's shape (fields, their JSON types, dist), which a schema can always judge. */
  readonly structural: boolean;
}

/** Neither a number nor a text: no parameter value or distribution field is written so. */
const wrongType = (s: unknown) => typeof s === "boolean" || s === null || typeof s === "object";

function trials(spec: ParamSpec): Trial[] {
  const def = parameterDefName(spec);
  const out: Trial[] = [];
  const add = (raw: unknown, structural = false) => out.push({ def, raw, structural });
  const { written, bare } = samples(spec);
  const unit = spec.unit === "1" ? "%" : spec.kind === "duration" || spec.kind === "date" ? "quarter" : spec.unit;
  for (const s of [...SCALARS, ...written]) {
    add(s, wrongType(s));
    add({ value: s });
    add({ value: s, unit });
  }
  for (const x of bare) {
    add(x);
    add({ value: x, unit, source: "a", claim: "b", note: "c" });
  }
  add({ value: written[0], min: written[0] }, true);
  add({ unit: "GW" }, true);
  add({ value: written[0], dist: "gaussian" }, true);
  for (const kind of [...DIST_KINDS, "gaussian"]) {
    const valid = distribution(kind, spec);
    add(valid);
    add({ ...valid, assumption: "Why.", claim: "What the source says." });
    for (const key of Object.keys(valid)) {
      if (key === "dist") continue;
      const without = { ...valid };
      delete without[key];
      add(without, true);
      for (const s of SCALARS) add({ ...valid, [key]: s }, wrongType(s));
    }
    for (const other of ["value", ...new Set(Object.values(DIST_FIELDS).flat()), "typo"]) {
      if (!(other in valid)) add({ ...valid, [other]: written[1] }, true);
    }
  }
  const lognormal = (fields: Json) => add({ dist: "lognormal", ...fields }, true);
  lognormal({ p5: written[1], p50: written[2], p95: written[3] });
  lognormal({ mean: written[1], sd: written[1], p95: written[3] });
  lognormal({ p10: written[1] });
  lognormal({ mean: written[1], sd: written[0] });
  lognormal({ p25: written[1], p75: written[3] });
  return out;
}

describe("each way of writing a parameter", () => {
  it("that the loader reads, the schema accepts; and where the loader refuses a field, a type or a distribution, the schema refuses it too", () => {
    const defs = schema["$defs"] as Record<string, Json>;
    const validators = new Map<string, ValidateFunction>();
    const check = (def: string) => {
      let v = validators.get(def);
      if (!v) {
        expect(defs[def], def).toBeDefined();
        v = ajv.compile({ $ref: `scenario#/$defs/${def}` });
        validators.set(def, v);
      }
      return v;
    };
    const tooStrict: string[] = [];
    const tooLoose: string[] = [];
    let accepted = 0;
    let refused = 0;
    for (const spec of specsInUse()) {
      for (const t of trials(spec)) {
        const loader = readParam(t.raw, spec).ok;
        const schemaOk = check(t.def)(t.raw);
        const shown = `${t.def} (${spec.kind} ${spec.unit}): ${JSON.stringify(t.raw)}`;
        if (loader) accepted++;
        else refused++;
        if (loader && !schemaOk) tooStrict.push(shown);
        if (!loader && schemaOk && t.structural) tooLoose.push(shown);
      }
    }
    expect(tooStrict, "refused by the schema, read by the loader").toEqual([]);
    expect(tooLoose, "a shape the loader refuses, let through by the schema").toEqual([]);
    // Enough of both to mean something.
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });
});
