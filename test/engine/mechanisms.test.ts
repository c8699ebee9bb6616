import { describe, expect, it } from "vitest";
import { band, runScenario } from "../helpers/scenario.js";
import { childScenario, tempDir } from "../helpers/tempScenarios.js";

const RUNS = 60;
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => String(from + k));

describe("the model end to end", () => {
  it("builds nothing without HBM, and HBM binds in every run and year", () => {
    const s = runScenario(
      "baseline",
      [
        { path: "memory.foreign.stockAtStart", value: 0 },
        { path: "memory.foreign.flowBeforeBan", value: "0 stack/quarter" },
        { path: "memory.foreign.preBanRush", value: 0 },
        { path: "fabs.cxmt-hbm.capacityAtStart", value: "0 wpm" },
        { path: "fabs.cxmt-hbm.plannedAdditionsPerYear", value: "0 wpm/year" },
        { path: "fabs.cxmt-d1b.capacityAtStart", value: "0 wpm" },
        { path: "fabs.cxmt-d1b.plannedAdditionsPerYear", value: "0 wpm/year" },
        { path: "subsidies.hbmShare", value: 0 },
        // Every design's node has wafers whenever it ships (N+3 and the EUV node before their first designs),
        // so dies are never what binds and HBM must be.
        { path: "fabs.smic-n3.online", value: "2025Q1" },
        { path: "lithography.domesticEuv.readyYear", value: "2027Q1" },
      ],
      RUNS,
    );
    for (const [year, [, p95]] of Object.entries(band(s, "accelerators.domestic"))) {
      expect(p95, year).toBe(0);
      expect(s.bottlenecks["all"]?.[year]?.hbm, year).toBe(1);
    }
    expect(band(s, "hbm.stacksUsed")["2030"]).toEqual([0, 0]);
    // Imports need no Chinese HBM and still arrive.
    expect(band(s, "accelerators.imported")["2024"]?.[0]).toBeGreaterThan(0);
  });

  it("applies a lever only between its start and end dates", () => {
    const s = runScenario(
      "baseline",
      [
        { path: "levers.us-ai-chip-exports.start", value: "2026Q1" },
        { path: "levers.us-ai-chip-exports.end", value: "2027Q1" },
      ],
      RUNS,
    );
    const lever = s.metrics["levers.us-ai-chip-exports"];
    expect(lever?.["2025"]?.p50).toBe(0);
    expect(lever?.["2026"]?.p50).toBe(1);
    expect(lever?.["2027"]?.p50).toBe(0);
    expect(band(s, "accelerators.imported")["2026"]).toEqual([0, 0]);
    expect(band(s, "accelerators.nvidia-h200")["2027"]?.[0]).toBeGreaterThan(0);
  });

  it("counts a lever for the part of the quarter it is in force", () => {
    // Starting 2025-11 (two thirds into 2025Q4) at full strength: 2/3 in force in 2025Q4.
    const s = runScenario("baseline", [{ path: "levers.us-duv-servicing.start", value: "2025-11" }, { path: "levers.us-duv-servicing.strength", value: 1 }], 10);
    expect(s.metrics["levers.us-duv-servicing"]?.["2025"]?.p50).toBeCloseTo(2 / 3, 12);
    expect(s.metrics["levers.us-duv-servicing"]?.["2026"]?.p50).toBe(1);
  });

  it("fires a conditional trigger after its condition holds, with its delay", () => {
    const dir = tempDir();
    const file = childScenario(
      dir,
      "trigger.yaml",
      [
        "triggers:",
        "  servicing-reply:",
        '    when: "accelerators.total > 0"',
        "    then: {lever: us-duv-servicing, strength: 1, delay: 4Q}",
        "    assumption: test",
        "",
      ].join("\n"),
    );
    const s = runScenario(file, [], 20);
    // The condition is seen at the end of 2024Q1, the response fires in 2024Q2 and takes effect four
    // quarters later, in 2025Q2: off at the end of 2024, fully on at the end of 2025.
    expect(band(s, "levers.us-duv-servicing")["2024"]).toEqual([0, 0]);
    expect(band(s, "levers.us-duv-servicing")["2025"]).toEqual([1, 1]);
  });

  it("does not fire a trigger whose probability is 0 or whose condition never holds", () => {
    const dir = tempDir();
    const never = (name: string, when: string, probability: number) =>
      runScenario(
        childScenario(
          dir,
          name,
          ["triggers:", "  reply:", `    when: "${when}"`, `    probability: ${probability}`, "    then: {lever: us-duv-servicing, strength: 1}", "    assumption: test", ""].join("\n"),
        ),
        [],
        20,
      );
    for (const s of [never("p0.yaml", "accelerators.total > 0", 0), never("cond.yaml", "accelerators.total < 0", 1)]) {
      for (const y of years(2024, 2035)) expect(band(s, "levers.us-duv-servicing")[y], y).toEqual([0, 0]);
    }
  });

  it("dates the domestic EUV milestone from the ready year", () => {
    const s = runScenario("baseline", [{ path: "lithography.domesticEuv.readyYear", value: 2028 }], 20);
    expect(s.milestones.domesticEuvReady["2027"]).toBe(0);
    expect(s.milestones.domesticEuvReady["2028"]).toBe(1);
    // Domestic EUV tools appear once the source is production-worthy.
    expect(band(s, "litho.euvTools")["2027"]).toEqual([0, 0]);
    expect(band(s, "litho.euvTools")["2030"]?.[0]).toBeGreaterThan(0);
  });
});

describe("memory on the shared scanners", () => {
  const mean = (s: ReturnType<typeof runScenario>, metric: string, year: string) => s.metrics[metric]?.[year]?.mean ?? NaN;

  it("makes HBM from DRAM wafers that draw on the logic lines' scanners: tighter DUV controls, fewer stacks", () => {
    // Common random numbers: the same seed and runs, only the lever differs. Planned AI dies and HBM DRAM
    // are served before other chips, so full controls cut the DRAM wafers by about a fifth in 2030, not more.
    const open = runScenario("baseline", [{ path: "levers.us-duv-controls.strength", value: 0 }], RUNS);
    const closed = runScenario("baseline", [{ path: "levers.us-duv-controls.strength", value: 1 }], RUNS);
    expect(mean(closed, "hbm.dramWafers", "2030")).toBeLessThan(0.9 * mean(open, "hbm.dramWafers", "2030"));
    expect(mean(closed, "hbm.domesticOutput", "2030")).toBeLessThan(0.9 * mean(open, "hbm.domesticOutput", "2030"));
    expect(mean(closed, "litho.dramWafersCut", "2030")).toBeGreaterThan(mean(open, "litho.dramWafersCut", "2030"));
  });

  it("starts no wafers on the node that needs EUV until EUV exposures reach it", () => {
    const never = runScenario("baseline", [{ path: "lithography.domesticEuv.readyYear", value: 2040 }], 20);
    for (const y of years(2024, 2035)) {
      expect(band(never, "wafers.n5e")[y], y).toEqual([0, 0]);
      expect(band(never, "litho.euvForEuvNodes")[y], y).toEqual([0, 0]);
      expect(band(never, "accelerators.ascend-970")[y], y).toEqual([0, 0]);
    }
    const early = runScenario("baseline", [{ path: "lithography.domesticEuv.readyYear", value: 2028 }], 20);
    expect(band(early, "wafers.n5e")["2031"]?.[0]).toBeGreaterThan(0);
    expect(band(early, "litho.euvForEuvNodes")["2031"]?.[0]).toBeGreaterThan(0);
  });

  it("holds a line's planned capacity at its ceiling", () => {
    // 2k wafers a month growing 8k a year, capped at 3k; no package money; scanners to spare; every wafer runs.
    const s = runScenario(
      "baseline",
      [
        { path: "fabs.cxmt-hbm.capacityAtStart", value: "2 kwpm" },
        { path: "fabs.cxmt-hbm.plannedAdditionsPerYear", value: "8 kwpm/year" },
        { path: "fabs.cxmt-hbm.maxCapacity", value: "3 kwpm" },
        { path: "fabs.cxmt-hbm.utilization", value: 1 },
        { path: "subsidies.hbmShare", value: 0 },
        { path: "lithography.duv.scannersAtStart", value: "1000 tool" },
      ],
      10,
    );
    // 3k wafers a month, 36k a year, once the added 1k has ramped in (within 2024 and 2025).
    for (const y of years(2026, 2035)) {
      const [p5, p95] = band(s, "wafers.d1z")[y] ?? [NaN, NaN];
      expect(p5, y).toBeCloseTo(36_000, 6);
      expect(p95, y).toBeCloseTo(36_000, 6);
    }
  });
});

describe("inputs in every accepted form", () => {
  it("takes --set values with units, written with or without a space", () => {
    const s = runScenario(
      "baseline",
      [
        { path: "power.availableAtStart", value: "8GW" },
        { path: "power.connectionsPerYear", value: "0GW/year" },
        // Projects started for shortfalls would connect after 2035.
        { path: "power.gridConnectionTime", value: "20 year" },
      ],
      10,
    );
    for (const y of years(2024, 2035)) expect(band(s, "power.availableGW")[y], y).toEqual([8, 8]);
  });

  it("reads scenario files written in JSON", async () => {
    const { writeFile } = await import("../helpers/tempScenarios.js");
    const { BUILTIN_DIR } = await import("@chipsim/scenarios");
    const dir = tempDir();
    const file = writeFile(
      dir,
      "json-scenario.json",
      JSON.stringify({
        id: "json-scenario",
        title: "JSON",
        description: "The baseline with a later EUV date, written in JSON.",
        extends: `${BUILTIN_DIR}/baseline.yaml`,
        lithography: { domesticEuv: { readyYear: { value: "2034Q1", assumption: "test" } } },
      }),
    );
    const s = runScenario(file, [], 10);
    expect(s.scenario.id).toBe("json-scenario");
    expect(s.milestones.domesticEuvReady["2033"]).toBe(0);
    expect(s.milestones.domesticEuvReady["2034"]).toBe(1);
  });
});

describe("lever periods", () => {
  it("applies a lever again in a further period, keeping the first", () => {
    const dir = tempDir();
    const file = childScenario(
      dir,
      "reimposed.yaml",
      ["levers:", "  us-ai-chip-exports:", "    windows:", "      - {start: 2027Q1, end: 2028Q1, strength: 0.5, assumption: test}", ""].join("\n"),
    );
    const s = runScenario(file, [], 10);
    const lever = (y: string) => s.metrics["levers.us-ai-chip-exports"]?.[y]?.p50;
    // The baseline's April-August 2025 halt stays (off again at the end of 2025); the new period is at half strength through 2027.
    expect([lever("2024"), lever("2025"), lever("2026"), lever("2027"), lever("2028")]).toEqual([0, 0, 0, 0.5, 0]);
    expect(s.metrics["accelerators.nvidia-h20"]?.["2025"]?.p50).toBeGreaterThan(0);
  });
});
