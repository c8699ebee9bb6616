import { compileModel, replayRun, runMonteCarlo, runNamingFor, yearsOf } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { chipsim } from "../helpers/cli.js";
import { resolve } from "../helpers/scenario.js";

/**
 * A run replayed alone is the run inside the whole job: run i's parameters
 * come from (seed, i) only, so --replay reproduces exactly the values the
 * job's onRun saw, bit for bit.
 */
describe("replaying one run", () => {
  const overrides = [{ path: "lithography.domesticEuv.readyYear", value: 2031 }];
  const seed = 42;
  const runs = 40;
  const picked = [0, 17, 39];

  function jobValues(): Map<number, { values: number[]; euv: number; supply: number }> {
    const model = compileModel(resolve("baseline", overrides));
    const kept = new Map<number, { values: number[]; euv: number; supply: number }>();
    runMonteCarlo(model, {
      runs,
      seed,
      onRun: (run, values, milestones) => {
        if (picked.includes(run)) kept.set(run, { values: Array.from(values), euv: milestones.euvReadyYear, supply: milestones.supplyMetDemandYear });
      },
    });
    return kept;
  }

  it("replayRun gives exactly the values of that run within the job", () => {
    const job = jobValues();
    const model = compileModel(resolve("baseline", overrides));
    for (const run of picked) {
      const replayed = replayRun(model, seed, run);
      const inJob = job.get(run);
      expect(inJob).toBeDefined();
      expect(Array.from(replayed.values)).toEqual(inJob?.values);
      expect([replayed.euvReadyYear, replayed.supplyMetDemandYear]).toEqual([inJob?.euv, inJob?.supply]);
    }
  });

  it("replays a run of Sobol points or Latin hypercubes with --sampler, and the message naming a failed run says so", async () => {
    const model = compileModel(resolve("baseline", overrides));
    const years = yearsOf(model);
    const installed = model.metrics.findIndex((m) => m.id === "compute.installedH100e") * years + 6;
    for (const sampler of ["sobol", "lhs"] as const) {
      const inJob = new Map<number, number>();
      runMonteCarlo(model, { runs: 1100, seed, sampler, onRun: (run, values) => void (run === 1050 && inJob.set(run, values[installed] as number)) });
      expect(replayRun(model, seed, 1050, sampler).values[installed]).toBe(inJob.get(1050));
      // Without the sampler it is another run.
      expect(replayRun(model, seed, 1050).values[installed]).not.toBe(inJob.get(1050));
    }
    const out = await chipsim(["run", "baseline", "--seed", String(seed), "--set", "lithography.domesticEuv.readyYear=2031", "--sampler", "sobol", "--replay", "1050", "--format", "json"]);
    expect(out.code).toBe(0);
    const printed = JSON.parse(out.stdout) as { sampler: string; values: Record<string, Record<string, number>> };
    expect(printed.sampler).toBe("sobol");
    expect(printed.values["compute.installedH100e"]?.["2030"]).toBe(replayRun(model, seed, 1050, "sobol").values[installed]);
    // How a failed run is named: with the sampler, and, on a comparison's shared dimensions, as the comparison's.
    const own = runNamingFor(model, { seed, sampler: "sobol", dimensions: model.table.uncertainPaths() });
    expect(own.reproduce(7)).toContain(`chipsim run baseline --seed ${seed} --sampler sobol --replay 7`);
    expect(runNamingFor(model, { seed }).reproduce(7)).toContain(`--seed ${seed} --replay 7`);
    const shared = runNamingFor(model, { seed, sampler: "sobol", dimensions: [...model.table.uncertainPaths(), "designs.extra.tdp"] });
    expect(shared.reproduce(7)).toMatch(/the comparison, with the same scenarios, --seed, --sampler sobol and --set flags, runs it again/);
  });

  it("chipsim run --replay prints those values", async () => {
    const job = jobValues();
    const out = await chipsim(["run", "baseline", "--seed", String(seed), "--set", "lithography.domesticEuv.readyYear=2031", "--replay", "17", "--format", "json"]);
    expect(out.code).toBe(0);
    const printed = JSON.parse(out.stdout) as {
      run: number;
      seed: number;
      values: Record<string, Record<string, number>>;
      quarters: { labels: string[]; observables: Record<string, number[]> };
    };
    expect({ run: printed.run, seed: printed.seed }).toEqual({ run: 17, seed });
    const model = compileModel(resolve("baseline", overrides));
    const years = yearsOf(model);
    const flat = model.metrics.flatMap((m) => Array.from({ length: years }, (_, y) => printed.values[m.id]?.[String(2024 + y)]));
    expect(flat).toEqual(job.get(17)?.values);
    // The trace agrees with the yearly values: installed compute at the end of 2035 is its last quarter's.
    expect(printed.quarters.labels.slice(0, 2).concat(printed.quarters.labels.slice(-1))).toEqual(["2024Q1", "2024Q2", "2035Q4"]);
    expect(printed.quarters.observables["compute.installedH100e"]?.at(-1)).toBe(printed.values["compute.installedH100e"]?.["2035"]);
  });

  it("chipsim run --replay as a table says the invariants held; a bad index or --out is refused", async () => {
    const table = await chipsim(["run", "baseline", "--seed", "3", "--replay", "5"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Baseline .*\(baseline\): run 5 of seed 3; every invariant held in every quarter\n/);
    expect(table.stdout).toMatch(/\nDomestic AI accelerators deployed, units per year \[accelerators\.domestic\] +\S+/);
    expect(table.stdout).toMatch(/\nquarter +wafers\.advanced .*\n2024Q1 +\S+/);
    expect((await chipsim(["run", "baseline", "--replay", "1.5"])).code).toBe(2);
    const withOut = await chipsim(["run", "baseline", "--replay", "1", "--out", "somewhere"]);
    expect({ code: withOut.code, stderr: withOut.stderr }).toEqual({ code: 2, stderr: expect.stringContaining("--replay: prints one run as a table or JSON; expected no --out") });
  });
});
