import { readFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalContent, resolveScenario } from "@chipsim/core";
import { BUILTIN_DIR, builtinChain, builtinIds, loadBibliography, loadScenarioChain, parseOverrideText } from "@chipsim/scenarios";
import { describe, expect, it } from "vitest";

// The playground resolves built-in scenarios from bundled texts; these must
// give what the command line gets from disk.
const texts = Object.fromEntries(builtinIds().map((id) => [id, readFileSync(join(BUILTIN_DIR, `${id}.yaml`), "utf8")]));

describe("built-in scenarios from their texts", () => {
  it.each(builtinIds())("%s resolves as it does from disk", (id) => {
    const bibliography = loadBibliography();
    const overrides = [parseOverrideText("levers.us-hbm-ban.strength=0"), parseOverrideText("power.connectionsGrowth=0.1")].map((p) => (p.ok ? p.override : expect.unreachable(p.message)));
    const fromTexts = resolveScenario({ documents: builtinChain(id, texts), overrides, bibliography });
    const fromDisk = resolveScenario({ documents: loadScenarioChain(id), overrides, bibliography });
    expect(canonicalContent(fromTexts)).toEqual(canonicalContent(fromDisk));
  });

  it("names the known ids when one is missing", () => {
    expect(() => builtinChain("nope", texts)).toThrow(/a built-in scenario id \(baseline, /);
  });

  it("reads an override as --set does", () => {
    expect(parseOverrideText("power.availableAtStart=5 GW")).toEqual({ ok: true, override: { path: "power.availableAtStart", value: "5 GW" } });
    expect(parseOverrideText("power.availableAtStart")).toMatchObject({ ok: false, message: expect.stringContaining('found no "="') });
  });
});
