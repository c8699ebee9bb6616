import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHIPSIM_BIN } from "../helpers/bin.js";
import { chipsim } from "../helpers/cli.js";
import { tempDir, writeFile } from "../helpers/tempScenarios.js";

/**
 * What a new user's first scenario file meets: every problem in it at
 * once, whichever check finds it, each pointing at the key at fault, with
 * the name that was probably meant; a scenario that extends another needs
 * no description of its own.
 */

/** The built command, as a user runs it. */
function bin(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CHIPSIM_BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, CHIPSIM_CACHE_DIR: "off" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** "line:column" (from 1) where `needle` starts in `text`. */
function at(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} is not in the text`);
  const before = text.slice(0, offset).split("\n");
  return `${before.length}:${(before[before.length - 1] as string).length + 1}`;
}

/** The problem lines of a refusal, after the "chipsim: bad input" heading. */
function problems(stderr: string): string[] {
  const [heading, ...lines] = stderr.trimEnd().split("\n");
  expect(heading).toBe("chipsim: bad input");
  return lines.map((l) => l.trim());
}

const NEW_USER = `id: euv-2032
title: Domestic EUV slips to 2032, fabs expand faster
extends: baseline
lithography:
  domesticEuv:
    readyYear: {dist: uniform, min: 2032, max: 2033}
fabs:
  smic-n2:
    plannedAdditionPerYear: {value: 12 kwpm/year, assumption: Faster expansion.}
designs:
  ascend-910b:
    node: n7x
power:
  availableAtStart: {value: 5 km, assumption: A slip of the unit.}
`;

describe("every problem of a file at once", () => {
  it("reports a missing source, an unknown field, an unknown node and a bad unit of a file without a description: exit 2, nothing written", () => {
    const dir = tempDir();
    writeFile(dir, "euv-2032.yaml", NEW_USER);
    const out = join(dir, "results");
    const result = bin(["run", "euv-2032.yaml", "--runs", "20", "--out", out], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(out)).toBe(false);
    // Provenance, the schema, the rules between sections: three checks, one report, in the file's order.
    expect(problems(result.stderr)).toEqual([
      `euv-2032.yaml:${at(NEW_USER, "readyYear:")} lithography.domesticEuv.readyYear: expected a source or an assumption for this number (on it or on an enclosing object), found neither`,
      expect.stringMatching(
        new RegExp(`^euv-2032\\.yaml:${at(NEW_USER, "plannedAdditionPerYear:")} fabs\\.smic-n2\\.plannedAdditionPerYear: expected one of the known fields here \\(.*\\), found unknown field "plannedAdditionPerYear"; did you mean plannedAdditionsPerYear\\?$`),
      ),
      `euv-2032.yaml:${at(NEW_USER, "node: n7x")} designs.ascend-910b.node: expected a node id under nodes (n7, n5, n5e), found "n7x"; did you mean n7?`,
      `euv-2032.yaml:${at(NEW_USER, "value: 5 km")} power.availableAtStart.value: expected a quantity convertible to GW (e.g. "5 GW"), found "5 km", which is not convertible to GW`,
    ]);
  });

  it("runs the model's own checks (correlations, trigger conditions) beside a missing title and an unknown source", async () => {
    const dir = tempDir();
    const text = `id: spiral
extends: baseline
power:
  connectionsGrowth: {value: 0.3, source: no-such-report}
triggers:
  reply:
    when: "share.domestc > 0.6"
    then: {lever: us-duv-servicing, strength: 1}
    assumption: A reply to a rising share.
correlations:
  - between: [subsidies.packageTotl, fabs.smic-n2.plannedAdditionsPerYear]
    rank: 0.5
    assumption: A larger package comes with faster expansion.
`;
    writeFile(dir, "spiral.yaml", text);
    const result = await chipsim(["validate", "spiral.yaml"], dir);
    expect(result.code).toBe(2);
    expect(problems(result.stderr)).toEqual([
      "spiral.yaml:1:1 title: expected this field: a scenario that extends another still names itself, found nothing",
      `spiral.yaml:${at(text, "source: no-such")} power.connectionsGrowth.source: expected a source id from the bibliography (see \`chipsim sources\`), found "no-such-report"`,
      `spiral.yaml:${at(text, "when:")} triggers.reply.when: expected an indicator such as share.domestic, accelerators.domestic or levers.us-hbm-ban (see chipsim show), found "share.domestc"; did you mean share.domestic?`,
      `spiral.yaml:${at(text, "subsidies.packageTotl")} correlations.0.between.0: expected a parameter path (see chipsim show), found "subsidies.packageTotl"; did you mean subsidies.packageTotal?`,
    ]);
  });

  it("reports a --set path beside the file's own problems, after them", async () => {
    const dir = tempDir();
    writeFile(dir, "euv-2032.yaml", NEW_USER);
    const result = await chipsim(["validate", "euv-2032.yaml", "--set", "levers.us-hbm-bam.strength=0"], dir);
    expect(result.code).toBe(2);
    const lines = problems(result.stderr);
    expect(lines).toHaveLength(5);
    expect(lines.slice(0, 4).every((l) => l.startsWith("euv-2032.yaml:"))).toBe(true);
    expect(lines[4]).toMatch(/^--set levers\.us-hbm-bam\.strength: expected a known path \(fields under levers: .*\), found "levers\.us-hbm-bam\.strength"; did you mean levers\.us-hbm-ban\.strength\?$/);
  });
});

describe("an extends that cannot be followed", () => {
  it("is reported with the problems the file shows on its own, not with fields the parent would give", async () => {
    const dir = tempDir();
    const text = `id: lost
extends: baselnie
lithography:
  domesticEuv:
    readyYr: {value: 2032, assumption: The slip.}
power:
  assumption: A typo in the unit.
  availableAtStart: 5 km
market:
  demandGrowth: 0.3
`;
    writeFile(dir, "lost.yaml", text);
    const out = join(dir, "results");
    const result = await chipsim(["run", "lost.yaml", "--runs", "20", "--out", out], dir);
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const lines = problems(result.stderr);
    expect(lines.map((l) => l.split(": expected")[0])).toEqual([
      "lost.yaml:1:1 title",
      `lost.yaml:${at(text, "extends:")} extends`,
      `lost.yaml:${at(text, "readyYr:")} lithography.domesticEuv.readyYr`,
      `lost.yaml:${at(text, "availableAtStart:")} power.availableAtStart`,
      `lost.yaml:${at(text, "demandGrowth:")} market.demandGrowth`,
    ]);
    expect(lines[1]).toMatch(/found "baselnie"; did you mean baseline\?$/);
    expect(lines[2]).toMatch(/; did you mean readyYear\?$/);
  });
});

describe("a scenario that extends another without a description", () => {
  const text = `id: euv-2032
title: Domestic EUV slips to 2032
extends: baseline
lithography:
  domesticEuv:
    readyYear: {dist: uniform, min: 2032, max: 2033, assumption: The slip this scenario asks about.}
`;
  const baselineDescription = "Export controls, Chinese industrial policy";

  it("validates, and is shown by its title alone, not with the baseline's description", async () => {
    const dir = tempDir();
    writeFile(dir, "euv-2032.yaml", text);
    expect((await chipsim(["validate", "euv-2032.yaml"], dir)).code).toBe(0);
    const shown = JSON.parse((await chipsim(["show", "euv-2032.yaml", "--format", "json"], dir)).stdout);
    expect(shown.scenario.title).toBe("Domestic EUV slips to 2032");
    expect(shown.scenario).not.toHaveProperty("description");
    const table = await chipsim(["show", "euv-2032.yaml"], dir);
    expect(table.stdout.split("\n")[0]).toMatch(/^Domestic EUV slips to 2032 \(euv-2032\), from /);
    expect(table.stdout).not.toContain(baselineDescription);
    const report = await chipsim(["report", "euv-2032.yaml", "--runs", "20", "--workers", "1", "--out", join(dir, "report.html"), "--quiet"], dir);
    expect(report.code).toBe(0);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain("<h1>Domestic EUV slips to 2032</h1>");
    expect(html).not.toContain(baselineDescription);
  });

  it("still shows a description it gives itself", async () => {
    const dir = tempDir();
    writeFile(dir, "euv-2032.yaml", text.replace("extends:", "description: The baseline with EUV in 2032.\nextends:"));
    const shown = JSON.parse((await chipsim(["show", "euv-2032.yaml", "--format", "json"], dir)).stdout);
    expect(shown.scenario.description).toBe("The baseline with EUV in 2032.");
  });
});

describe("error locations", () => {
  it("point at the key of the field at fault (for a missing field, at the key that should hold it)", async () => {
    const dir = tempDir();
    const text = `id: where
title: Where
extends: baseline
runs: many
power:
  assumption: Checked.
  availableAtStart: 5 km
  pue: {value: 1.2, source: no-such-report}
market:
  demandGrowth: 0.3
lithography:
  duv:
    scannersAtStrat: 5
levers:
  us-hbm-ban:
    strength: {dist: uniform, min: 0.5, assumption: Leakage.}
`;
    writeFile(dir, "where.yaml", text);
    const result = await chipsim(["validate", "where.yaml"], dir);
    expect(result.code).toBe(2);
    const lines = problems(result.stderr);
    const expectAt = (needle: string, path: string) => expect(lines.filter((l) => l.startsWith(`where.yaml:${at(text, needle)} ${path}: `)), `${path} at ${needle}`).toHaveLength(1);
    expectAt("runs:", "runs"); // wrong type
    expectAt("availableAtStart:", "power.availableAtStart"); // bad unit
    expectAt("demandGrowth:", "market.demandGrowth"); // no source
    expectAt("source: no-such", "power.pue.source"); // unknown source
    expectAt("scannersAtStrat:", "lithography.duv.scannersAtStrat"); // unknown field
    expectAt("strength:", "levers.us-hbm-ban.strength.max"); // missing field: its parent's key
    expect(lines).toHaveLength(6);
  });

  it("point at the key in a JSON file too", async () => {
    const dir = tempDir();
    const text = `{\n  "id": "where",\n  "title": "Where",\n  "extends": "baseline",\n  "horizon": "soon"\n}\n`;
    writeFile(dir, "where.json", text);
    const result = await chipsim(["validate", "where.json"], dir);
    expect(problems(result.stderr)).toEqual([expect.stringMatching(new RegExp(`^where\\.json:${at(text, '"horizon"')} horizon: expected a number, found "soon"$`))]);
  });
});

describe("did you mean", () => {
  it("names the closest lever, distribution, distribution field, design, source and parent", async () => {
    const dir = tempDir();
    const text = `id: typos
title: Typos
extends: baseline
levers:
  us-hbm-bam:
    strength: 0
    assumption: Lifted.
  us-euv-ban:
    strength: {dist: uniformm, min: 0.9, max: 1, source: tokenring-korea-2024}
market:
  demandGrowth: {dist: pert, min: 0.3, mod: 0.5, max: 1, assumption: Wider.}
dieBanks:
  tsmc-ascend:
    designs: [ascnd-910c]
    allotment: {ascend-91c: 1, assumption: Only the 910C.}
`;
    writeFile(dir, "typos.yaml", text);
    const result = await chipsim(["validate", "typos.yaml"], dir);
    expect(result.code).toBe(2);
    const lines = problems(result.stderr);
    for (const [path, suggestion] of [
      ["levers.us-hbm-bam", "us-hbm-ban"],
      ["levers.us-euv-ban.strength.dist", "uniform"],
      ["levers.us-euv-ban.strength.source", "tokenring-korea-2025"],
      ["market.demandGrowth.mod", "mode"],
      ["dieBanks.tsmc-ascend.designs.0", "ascend-910c"],
      ["dieBanks.tsmc-ascend.allotment.ascend-91c", "ascend-910c"],
    ] as const) {
      expect(lines.filter((l) => l.includes(` ${path}: `) && l.endsWith(`; did you mean ${suggestion}?`)), path).toHaveLength(1);
    }
    expect(lines).toHaveLength(6);
    writeFile(dir, "parent.yaml", "id: parent\ntitle: P\nextends: baselnie\n");
    expect((await chipsim(["validate", "parent.yaml"], dir)).stderr).toMatch(/parent\.yaml:3:1 extends: .*found "baselnie"; did you mean baseline\?\n/);
  });

  it("takes an entry added under an id close to an inherited one for a misspelt id: one line, not one per missing field", async () => {
    const dir = tempDir();
    const text = "id: typo\ntitle: Typo\nextends: baseline\nfabs:\n  smic-n22:\n    aiShare: {value: 0.5, assumption: More for AI.}\ndesigns:\n  ascend-910c:\n    origin: domestc\n";
    writeFile(dir, "typo.yaml", text);
    const result = await chipsim(["validate", "typo.yaml"], dir);
    expect(result.code).toBe(2);
    expect(problems(result.stderr)).toEqual([
      `typo.yaml:${at(text, "smic-n22:")} fabs.smic-n22: expected an id under fabs to change (smic-n2, smic-n3, huawei-fabs, smic-n5e, cxmt-hbm, cxmt-d1b), or a new entry with every field, found a new entry "smic-n22" without operator, node, capacityAtStart, plannedAdditionsPerYear, plannedUntil, rampTime, utilization, subsidyShare; did you mean smic-n2?`,
      `typo.yaml:${at(text, "origin:")} designs.ascend-910c.origin: expected one of "domestic", "import", found "domestc"; did you mean domestic?`,
    ]);
  });

  it("keeps quiet when nothing known is close", async () => {
    const dir = tempDir();
    writeFile(dir, "far.yaml", "id: far\ntitle: Far\nextends: baseline\npower:\n  weather: 5\n");
    const result = await chipsim(["validate", "far.yaml"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('found unknown field "weather"');
    expect(result.stderr).not.toContain("did you mean");
  });

  it("names the closest --set path, id, parameter, source, metric and file format on the command line", async () => {
    const cases: [string[], string][] = [
      [["validate", "baseline", "--set", "lithography.domesticEuv.readyYr=2032"], "--set lithography.domesticEuv.readyYr: expected a known path"],
      [["validate", "baseline", "--set", "designs.ascnd-910c.tdp=500 W"], "did you mean designs.ascend-910c.tdp?"],
      [["validate", "baselin"], "found no such scenario; did you mean baseline?"],
      [["explain", "lithography.domesticEuv.readyYr", "--scenario", "baseline"], "did you mean lithography.domesticEuv.readyYear?"],
      [["explain", "memory.domestic.maxWafers", "--scenario", "baseline"], "found an old path (memory.domestic.maxWafers has moved to fabs.cxmt-hbm.maxCapacity); did you mean fabs.cxmt-hbm.maxCapacity?"],
      [["sources", "tokenring-korea-2024"], "did you mean tokenring-korea-2025?"],
      [["sweep", "baseline", "--vary", "power.connectionsGrowht=0.1:0.5"], "did you mean power.connectionsGrowth?"],
      [["sensitivity", "baseline", "--metric", "accelerators.domestc", "--year", "2030", "--runs", "10"], "did you mean accelerators.domestic?"],
      [["run", "baseline", "--runs", "10", "--target-se", "accelerators.domestc@2030=2%"], "did you mean accelerators.domestic?"],
      [["run", "baseline", "--formats", "json,jsno", "--out", join(tempDir(), "out")], '--formats: expected a list of json, csv, parquet, found "jsno"; did you mean json?'],
    ];
    for (const [args, message] of cases) {
      const result = await chipsim(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain(message);
      if (args[0] === "validate" && args[2] === "--set") expect(result.stderr).toContain("did you mean");
    }
  });
});

describe("a refusal to replace earlier results", () => {
  it("lists every file the run would replace, Parquet and per-run files included", () => {
    const dir = tempDir();
    const out = join(dir, "results");
    const args = ["run", "baseline", "--runs", "20", "--workers", "1", "--quiet", "--formats", "json,csv,parquet", "--per-run", "--out", out];
    expect(bin(args, dir).code).toBe(0);
    const before = ["summary.json", "summary.csv", "summary.parquet", "manifest.json", "per_run.csv", "per_run.parquet"].map((f) => readFileSync(join(out, f)));
    const again = bin(args, dir);
    expect(again.code).toBe(2);
    expect(problems(again.stderr)).toEqual([
      `--out ${out}: expected a folder without earlier results, found summary.json, summary.csv, summary.parquet, chip_sales.csv, manifest.json, per_run.csv, per_run.parquet; pass --force to replace them`,
      "(see chipsim --help)",
    ]);
    ["summary.json", "summary.csv", "summary.parquet", "manifest.json", "per_run.csv", "per_run.parquet"].forEach((f, k) => expect(readFileSync(join(out, f)), f).toEqual(before[k]));
  });

  it("of a sweep too, which lists its files and replaces them only with --force", async () => {
    const out = join(tempDir(), "sweep");
    const args = ["sweep", "baseline", "--vary", "power.connectionsGrowth=0.1:0.5:2", "--runs", "5", "--workers", "1", "--quiet", "--formats", "json,csv,parquet", "--out", out];
    expect((await chipsim(args)).code).toBe(0);
    const before = readFileSync(join(out, "sweep.parquet"));
    const again = await chipsim(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`--out ${out}: expected a folder without earlier results, found sweep.json, sweep.csv, sweep.parquet; pass --force to replace them`);
    expect(readFileSync(join(out, "sweep.parquet"))).toEqual(before);
    expect((await chipsim([...args, "--force"])).code).toBe(0);
    // A format it does not know is refused too, where it used to be ignored.
    const unknown = await chipsim([...args.slice(0, -3), "json,parquett", "--out", join(tempDir(), "other")]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--formats: expected a list of json, csv, parquet, found "parquett"; did you mean parquet?');
  });
});
