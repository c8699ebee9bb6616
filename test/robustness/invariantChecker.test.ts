import { compileModel, InvariantChecker, InvariantError, monteCarloRuns, runMonteCarlo, type CompiledModel, type InvariantId } from "@chipsim/core";
import { beforeEach, describe, expect, it } from "vitest";
import { resolve } from "../helpers/scenario.js";

/**
 * The checker can fail: a world that a real run left consistent is broken
 * one invariant at a time, and the error names the run, the quarter and the
 * invariant, and says how to replay the run.
 */
describe("the invariant checker", () => {
  let model: CompiledModel;
  let checker: InvariantChecker;
  const observable = (id: string) => {
    const o = model.observables.indexOf(id);
    if (o === undefined) throw new Error(`no observable ${id}`);
    return o;
  };
  /** An active domestic design with stacks, so all three of its supply terms are finite. */
  const domesticWithHbm = () => {
    const w = model.world;
    const d = model.context.designIds.findIndex((_id, k) => model.context.domestic[k] && w.designActive[k] === 1 && Number.isFinite(w.hbmTerm[k] as number));
    expect(d).toBeGreaterThanOrEqual(0);
    return d;
  };

  beforeEach(() => {
    model = compileModel(resolve("baseline"));
    runMonteCarlo(model, { runs: 1, seed: 11 });
    checker = new InvariantChecker(model, monteCarloRuns("baseline", 11));
    const w = model.world;
    checker.beginRun(w);
    // Kept from the run's last quarter; only the labels change.
    w.runIndex = 7;
    w.q = 5;
  });

  function expectBroken(invariant: InvariantId, detail: RegExp): void {
    expectBrokenAt(invariant, "2025Q2", detail);
  }

  function expectBrokenAt(invariant: InvariantId, quarter: string, detail: RegExp): void {
    let caught: unknown;
    try {
      checker.afterQuarter(model.world);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvariantError);
    const error = caught as InvariantError;
    expect({ run: error.runIndex, quarter: error.quarter, invariant: error.invariant, exitCode: error.exitCode }).toEqual({ run: 7, quarter, invariant, exitCode: 1 });
    expect(error.message).toMatch(`scenario baseline, run 7, ${quarter}: invariant ${invariant} broken`);
    expect(error.message).toMatch(detail);
    expect(error.message).toContain("chipsim run baseline --seed 11 --replay 7");
  }

  it("finds nothing wrong in a world a run left", () => {
    model.world.obs[observable("compute.installedH100e")] = 1e12;
    expect(() => checker.afterQuarter(model.world)).not.toThrow();
  });

  it("finite: a count that is NaN", () => {
    model.world.goodDies[0] = NaN;
    expectBroken("finite", /world\.goodDies\[0\] is NaN/);
  });

  it("nonNegative: a count below zero", () => {
    model.world.obs[observable("accelerators.domestic")] = -1;
    expectBroken("nonNegative", /accelerators\.domestic is -1/);
  });

  it("share: a domestic share above 1", () => {
    model.world.obs[observable("share.domestic")] = 1.5;
    expectBroken("share", /share\.domestic is 1\.5, outside \[0, 1\]/);
  });

  it("binding: a design that ships without a binding constraint", () => {
    const d = domesticWithHbm();
    model.world.binding[d] = -1;
    expectBroken("binding", /shipped with binding constraint code -1/);
  });

  it("dies: more accelerators packaged than good dies / dies per package allow", () => {
    const d = domesticWithHbm();
    model.world.supplyUnits[d] = (model.world.dieTerm[d] as number) * 2 + 1;
    expectBroken("dies", /packaged .* more than the .* its dies allow/);
  });

  it("hbm: more accelerators packaged than HBM stacks / stacks per package allow", () => {
    const d = domesticWithHbm();
    model.world.dieTerm[d] = 1e30;
    model.world.supplyUnits[d] = (model.world.hbmTerm[d] as number) * 2 + 1;
    expectBroken("hbm", /its hbm allow/);
  });

  it("packaging: more accelerators packaged than packaging slots allow", () => {
    const d = domesticWithHbm();
    model.world.dieTerm[d] = 1e30;
    model.world.hbmTerm[d] = 1e30;
    model.world.supplyUnits[d] = (model.world.packagingTerm[d] as number) * 2 + 1;
    expectBroken("packaging", /its packaging allow/);
  });

  it("delivery: more accelerators deployed than were offered", () => {
    const d = domesticWithHbm();
    model.world.deployedUnits[d] = (model.world.offeredUnits[d] as number) * 2 + 1;
    expectBroken("delivery", /deployed .* more than the .* offered/);
  });

  /** The world again a quarter later, with no flows: the stocks must not move. */
  function nextQuarterWithoutFlows(ids: string[]): void {
    model.world.obs[observable("compute.installedH100e")] = 1e12;
    checker.afterQuarter(model.world);
    model.world.obs[observable("compute.addedH100e")] = 0;
    model.world.q = 6;
    for (const id of ids) model.world.obs[observable(id)] = 0;
    for (const id of model.context.designIds) if (model.observables.indexOf(`dies.${id}`) !== undefined) model.world.obs[observable(`dies.${id}`)] = 0;
  }

  it("dieFlow: waiting dies that change without dies made, packaged or written off", () => {
    nextQuarterWithoutFlows(["dies.bankArrivals", "dies.packaged", "dies.writtenOff", "packaged.units", "accelerators.domestic"]);
    expect(() => checker.afterQuarter(model.world)).not.toThrow();
    model.world.q = 7;
    model.world.obs[observable("dies.inventory")] = (model.world.obs[observable("dies.inventory")] as number) + 1e6;
    expectBrokenAt("dieFlow", "2025Q4", /dies waiting \(stock and banks\): .* yet /);
  });

  it("unitFlow: accelerators in transit or waiting that change without any packaged or deployed", () => {
    nextQuarterWithoutFlows(["dies.bankArrivals", "dies.packaged", "dies.writtenOff", "packaged.units", "accelerators.domestic"]);
    model.world.obs[observable("packaged.waiting")] = (model.world.obs[observable("packaged.waiting")] as number) + 5e5;
    expectBrokenAt("unitFlow", "2025Q3", /domestic accelerators in transit or waiting: .* yet /);
  });

  it("retirement: installed compute falling faster than retirement allows", () => {
    model.world.obs[observable("compute.installedH100e")] = 0;
    model.world.obs[observable("compute.addedH100e")] = 0;
    expectBroken("retirement", /installed compute fell from .* to 0 H100e/);
  });
});
