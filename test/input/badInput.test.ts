import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chipsim } from "../helpers/cli.js";
import { childScenario, tempDir, writeFile } from "../helpers/tempScenarios.js";

/**
 * Every kind of bad input gets one clear message naming the file, the
 * field, what was expected and what was found; exit code 2; and nothing
 * written. A location is that of the field's key (`bad.yaml:7:5` is where
 * `node:` starts), not of its value.
 */
interface Case {
  name: string;
  /** YAML appended to a scenario extending the baseline; or a function making the files and returning the args. */
  body?: string;
  setup?: (dir: string) => string[];
  args?: string[];
  /** Each must appear in stderr. */
  expect: (string | RegExp)[];
}

const cases: Case[] = [
  { name: "wrong type", body: "runs: many\n", expect: ["bad.yaml:5:1 runs:", "expected a number", 'found "many"'] },
  {
    name: "unknown field",
    body: "lithography:\n  duv:\n    scannersAtStrat: 5\n",
    expect: ["bad.yaml:7:5 lithography.duv.scannersAtStrat:", "one of the known fields here (scannersAtStart", 'unknown field "scannersAtStrat"'],
  },
  {
    name: "number without source or assumption",
    body: "power:\n  connectionsGrowth: 0.3\n",
    expect: ["bad.yaml:6:3 power.connectionsGrowth:", "expected a source or an assumption for this number", "found neither"],
  },
  {
    name: "source not in the bibliography",
    body: "power:\n  connectionsGrowth: {value: 0.3, source: no-such-report}\n",
    expect: ["bad.yaml:6:35 power.connectionsGrowth.source:", "a source id from the bibliography", '"no-such-report"'],
  },
  {
    name: "licence lever that does not exist",
    body: "designs:\n  nvidia-b30a:\n    licenceLever: us-blackwell-ban\n",
    expect: ["bad.yaml:7:5 designs.nvidia-b30a.licenceLever:", '"us-next-generation-exports"', 'found "us-blackwell-ban"'],
  },
  {
    name: "negative capacity",
    body: "fabs:\n  smic-n2:\n    capacityAtStart: {value: -5 kwpm, assumption: test}\n",
    expect: ["bad.yaml:7:23 fabs.smic-n2.capacityAtStart.value:", "expected values in [0, infinity] wpm", "found -5000"],
  },
  {
    name: "probability outside [0, 1]",
    body: "levers:\n  us-hbm-ban:\n    strength: {value: 1.5, assumption: test}\n",
    expect: ["bad.yaml:", "levers.us-hbm-ban.strength.value:", "expected values in [0, 1]", "found 1.5"],
  },
  {
    name: "unit of the wrong dimension",
    body: "power:\n  availableAtStart: {value: 5 km, assumption: test}\n",
    expect: ["bad.yaml:6:22 power.availableAtStart.value:", "convertible to GW", '"5 km", which is not convertible to GW'],
  },
  {
    name: "number without its unit",
    body: "power:\n  availableAtStart: {value: 5, assumption: test}\n",
    expect: ["power.availableAtStart.value:", "convertible to GW", "5 (a number without a unit)"],
  },
  {
    name: "extends cycle",
    setup: (dir) => {
      writeFile(dir, "a.yaml", "id: a\ntitle: A\ndescription: A.\nextends: ./b.yaml\n");
      writeFile(dir, "b.yaml", "id: b\ntitle: B\ndescription: B.\nextends: ./a.yaml\n");
      return ["run", join(dir, "a.yaml")];
    },
    expect: ["extends:", "a parent that does not lead back to this file", "a cycle:", "a.yaml -> ", "b.yaml -> "],
  },
  {
    name: "missing parent",
    setup: (dir) => [
      "run",
      writeFile(dir, "orphan.yaml", "id: orphan\ntitle: O\ndescription: O.\nextends: no-such-scenario\n"),
    ],
    expect: ["orphan.yaml:4:1 extends:", "a built-in scenario id (baseline", '"no-such-scenario"'],
  },
  {
    name: "unknown --set path",
    args: ["run", "baseline", "--set", "lithography.domesticEuv.readyYr=2028"],
    expect: ["--set lithography.domesticEuv.readyYr:", "fields under lithography.domesticEuv:", "readyYear", '"lithography.domesticEuv.readyYr"'],
  },
  {
    name: "--set into a design that does not exist",
    args: ["run", "baseline", "--set", "designs.ascend-999.tdp=500 W"],
    expect: ["--set designs.ascend-999.tdp:", "an existing id under designs (ascend-910b", '"designs.ascend-999.tdp"'],
  },
  {
    name: "--set of a whole list",
    args: ["run", "baseline", "--set", "levers.us-ai-chip-exports.windows=[{start: 2026Q1, strength: 1}]"],
    expect: ["--set levers.us-ai-chip-exports.windows:", "is a list or a section: set its parameters one by one (e.g. levers.us-ai-chip-exports.windows.0.<field>)"],
  },
  {
    name: "--set distribution missing a field",
    args: ["run", "baseline", "--set", "levers.us-hbm-ban.strength={dist: uniform, min: 0.5}"],
    expect: ["--set levers.us-hbm-ban.strength.max:", "expected this field", "found nothing"],
  },
  {
    name: "malformed YAML",
    setup: (dir) => ["run", writeFile(dir, "broken.yaml", "id: broken\ntitle: [unclosed\n")],
    expect: ["broken.yaml:", "expected valid YAML (or JSON)", "found"],
  },
  {
    name: "duplicate key",
    setup: (dir) => ["run", writeFile(dir, "dup.yaml", "id: dup\nid: again\n")],
    expect: ["dup.yaml:2:1", "expected valid YAML (or JSON)", "Map keys must be unique"],
  },
  {
    name: "reference to an unknown node",
    body: "designs:\n  ascend-910b:\n    node: n9\n",
    expect: ["bad.yaml:7:5 designs.ascend-910b.node:", "a node id under nodes (n7, n5, n5e)", '"n9"'],
  },
  {
    name: "a design on a DRAM node",
    body: "designs:\n  ascend-910b:\n    node: d1z\n",
    expect: ["bad.yaml:7:5 designs.ascend-910b.node:", "expected a logic node (n7, n5, n5e)", 'found "d1z", a dram node'],
  },
  {
    name: "an HBM generation on a logic node",
    body: "memory:\n  domestic:\n    generations:\n      hbm3e:\n        node: n7\n",
    expect: ["bad.yaml:9:9 memory.domestic.generations.hbm3e.node:", "expected a dram node (d1z, d1b)", 'found "n7", a logic node'],
  },
  {
    name: "a field that has moved",
    body: "memory:\n  domestic:\n    wafersAtStart: {value: 3 kwpm, assumption: test}\n",
    expect: [
      "bad.yaml:7:5 memory.domestic.wafersAtStart: expected no field here (memory.domestic.wafersAtStart has moved to fabs.cxmt-hbm.capacityAtStart), found the old field \"wafersAtStart\"; did you mean fabs.cxmt-hbm.capacityAtStart?",
    ],
  },
  {
    name: "a field that has been replaced",
    body: "memory:\n  domestic:\n    stacksPerWaferMature: {value: 35, unit: stack/wafer, assumption: test}\n",
    expect: ["bad.yaml:7:5 memory.domestic.stacksPerWaferMature: expected no field here (memory.domestic.stacksPerWaferMature has been replaced: good stacks per wafer now follow from"],
  },
  {
    name: "demand in H100e, now money",
    body: "market:\n  demandAtStart: {value: 500e3, unit: H100e/year, assumption: test}\n",
    expect: ["bad.yaml:6:3 market.demandAtStart: expected no field here (market.demandAtStart has been replaced: market.spendAtStart, the money buyers spend on AI accelerators a year (USD/year)"],
  },
  {
    name: "--set of a field that has moved",
    args: ["run", "baseline", "--set", "memory.domestic.maxWafers=50 kwpm"],
    expect: ['--set memory.domestic.maxWafers: expected no field here (memory.domestic.maxWafers has moved to fabs.cxmt-hbm.maxCapacity), found the old field "maxWafers"; did you mean fabs.cxmt-hbm.maxCapacity?'],
  },
  {
    name: "misspelt distribution field",
    body: "market:\n  demandGrowth: {dist: pert, min: 0.3, mod: 0.5, max: 1, assumption: test}\n",
    expect: ["bad.yaml:6:40 market.demandGrowth.mod:", "the fields of a pert distribution (min, mode, max, lambda)", 'found field "mod"'],
  },
  {
    name: "distribution missing a field: located at the parameter's key",
    body: "levers:\n  us-hbm-ban:\n    strength: {dist: uniform, min: 0.5, assumption: test}\n",
    expect: ["bad.yaml:7:5 levers.us-hbm-ban.strength.max:", "expected this field", "found nothing"],
  },
  {
    name: "trigger on an unknown indicator",
    body: 'triggers:\n  reply:\n    when: "chips.made > 1e6"\n    then: {lever: us-duv-servicing, strength: 1}\n    assumption: test\n',
    expect: ["bad.yaml:7:5 triggers.reply.when:", "an indicator such as share.domestic", '"chips.made"'],
  },
  {
    name: "impossible date",
    body: "lithography:\n  domesticEuv:\n    readyYear: {value: 2031Q5, source: tokenring-euv-2025}\n",
    expect: ["bad.yaml:7:17 lithography.domesticEuv.readyYear.value:", 'a quarter ("2028Q3")', '"2031Q5"'],
  },
  {
    name: "child scenario without a title",
    setup: (dir) => ["run", writeFile(dir, "untitled.yaml", "id: untitled\ndescription: U.\nextends: baseline\n")],
    expect: ["untitled.yaml", "title:", "a scenario that extends another still names itself", "found nothing"],
  },
  {
    name: "zero runs",
    args: ["run", "baseline", "--runs", "0"],
    expect: ["--runs: expected a whole number of runs above 0, found 0"],
  },
  { name: "unknown flag", args: ["run", "baseline", "--rnus", "10"], expect: ["Unknown argument: rnus"] },
];

describe("bad input", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s: exit 2, a clear message, nothing written", async (_name, c) => {
    const dir = tempDir();
    const out = join(dir, "results");
    const args = c.setup ? c.setup(dir) : c.args ?? ["run", childScenario(dir, "bad.yaml", c.body ?? "")];
    const runs = args.includes("--runs") ? [] : ["--runs", "20"];
    const result = await chipsim([...args, ...runs, "--out", out], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    for (const part of c.expect) {
      if (typeof part === "string") expect(result.stderr).toContain(part);
      else expect(result.stderr).toMatch(part);
    }
    expect(result.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
    expect(existsSync(out)).toBe(false);
  });
});
