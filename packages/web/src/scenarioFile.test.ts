import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalContent, resolveScenario, type ResolvedScenario } from "@chipsim/core";
import { loadBibliography, loadScenarioChain } from "@chipsim/scenarios";
import { describe, expect, it } from "vitest";
import { readState } from "./pageState.js";
import { BUILTIN_IDS, resolveBuiltin } from "./scenarioLibrary.js";
import { editedScenarioYaml } from "./scenarioFile.js";

describe("the downloaded scenario file", () => {
  it("resolves from disk to what the page ran (the built-in scenario with the overrides)", () => {
    const state = readState(
      `?scenario=hbm-chokehold&runs=300&seed=11&set=${encodeURIComponent("lithography.domesticEuv.readyYear=2031")}&set=${encodeURIComponent("subsidies.packageTotal=5e10 USD")}&set=${encodeURIComponent("levers.us-hbm-ban.strength=0.4")}`,
      BUILTIN_IDS,
    );
    const sets = [...state.sets].map(([path, value]) => `${path}=${value}`);
    const inPage = resolveBuiltin(state.scenario, sets);
    const dir = mkdtempSync(join(tmpdir(), "chipsim-web-"));
    const file = join(dir, "edited.yaml");
    writeFileSync(file, editedScenarioYaml(state, inPage));
    const fromFile = resolveScenario({ documents: loadScenarioChain(file, dir), bibliography: loadBibliography(dir) });
    // The same parameters and distributions; the file also fixes the seed and runs the page ran with.
    const draws = (s: ResolvedScenario) => s.params.map((p) => [p.path, p.dist]);
    expect(draws(fromFile)).toEqual(draws(inPage));
    expect(canonicalContent(fromFile)).toBe(canonicalContent({ ...inPage, tree: { ...inPage.tree, runs: 300, seed: 11 } }));
    expect(fromFile.meta).toMatchObject({ id: "hbm-chokehold-edited", runs: 300, seed: 11, extends: "hbm-chokehold" });
  });
});

describe("the scenario picker", () => {
  it("names each built-in by its title, the baseline first", async () => {
    const { builtinTitle } = await import("./scenarioLibrary.js");
    expect(BUILTIN_IDS[0]).toBe("baseline");
    expect(builtinTitle("baseline")).toBe("Baseline (end-2025 policies)");
    expect(builtinTitle("euv-delayed")).toBe("Domestic EUV delayed (2033 or later)");
    expect(builtinTitle("no-such-scenario")).toBe("no-such-scenario");
  });
});
