import { compileModel, runMonteCarlo, scenarioChanges } from "@chipsim/core";
import { builtinIds, loadBibliography, loadTargets } from "@chipsim/scenarios";
import { describe, expect, it } from "vitest";
import { resolve } from "../helpers/scenario.js";

const ids = builtinIds();
const REQUIRED = [
  "baseline",
  "euv-breakthrough",
  "euv-delayed",
  "hbm-chokehold",
  "h200-open-door",
  "full-decoupling",
  "brute-force-scale",
  "korea-memory-squeeze",
  "retaliation-spiral",
];

describe("the scenario library", () => {
  it("has every scenario the reporting raises", () => {
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
  });

  it.each(ids)("%s validates, runs, and sources every parameter", (id) => {
    const scenario = resolve(id);
    expect(scenario.meta.question, "a question").toBeTruthy();
    // A description is not inherited, so this is the scenario's own (users' scenarios may leave it out).
    expect(scenario.meta.description?.length ?? 0, "a description of its own").toBeGreaterThan(80);
    for (const p of scenario.params) expect(p.provenance.source ?? p.provenance.assumption, p.path).toBeTruthy();
    const model = compileModel(scenario);
    const aggregate = runMonteCarlo(model, { runs: 20, seed: 1 });
    expect(aggregate.runs).toBe(20);
  });

  it.each(ids.filter((id) => id !== "baseline"))("%s extends the baseline and changes what it says it changes, and nothing else", (id) => {
    const scenario = resolve(id);
    expect(scenario.meta.files[0]).toMatch(/baseline\.yaml$/);
    const declared = scenario.meta.changes ?? [];
    expect(declared.length, "a changes list").toBeGreaterThan(0);
    const changed = scenarioChanges(resolve("baseline"), scenario).map((c) => c.path);
    const covers = (prefix: string, path: string) => path === prefix || path.startsWith(`${prefix}.`);
    for (const path of changed) expect(declared.some((d) => covers(d, path)), `${path} changed but not declared`).toBe(true);
    for (const d of declared) expect(changed.some((path) => covers(d, path)), `${d} declared but unchanged`).toBe(true);
  });
});

describe("the bibliography", () => {
  const entries = loadBibliography();
  const known = new Set(entries.map((e) => e.id));

  it("has one entry per article in the shared sources (ten TokenRing articles in one file)", () => {
    const articles = entries.filter((e) => e.file !== undefined);
    expect(articles).toHaveLength(13);
    expect(articles.filter((e) => e.file?.startsWith("001_")).map((e) => e.part)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("resolves every citation and has every entry cited at least once", () => {
    const cited = new Set<string>();
    for (const id of ids) for (const p of resolve(id).params) if (p.provenance.source) cited.add(p.provenance.source);
    for (const t of loadTargets()) cited.add(t.source);
    for (const s of cited) expect(known.has(s), s).toBe(true);
    expect(entries.map((e) => e.id).filter((e) => !cited.has(e))).toEqual([]);
  });
});
