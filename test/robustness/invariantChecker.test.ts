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
    let caught: unknown;
    try {
      checker.afterQuarter(model.world);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvariantError);
    const error = caught as InvariantError;
    expect({ run: error.runIndex, quarter: error.quarter, invariant: error.invariant, exitCode: error.exitCode }).toEqual({ run: 7, quarter: "2025Q2", invariant, exitCode: 1 });
    expect(error.message).toMatch(`scenario baseline, run 7, 2025Q2: invariant ${invariant} broken`);
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

  it("dies: more accelerators than good dies / dies per package allow", () => {
    const d = domesticWithHbm();
    model.world.deployedUnits[d] = (model.world.dieTerm[d] as number) * 2 + 1;
    expectBroken("dies", /deployed .* more than the .* its dies allow/);
  });

  it("hbm: more accelerators than HBM stacks / stacks per package allow", () => {
    const d = domesticWithHbm();
    model.world.dieTerm[d] = 1e30;
    model.world.deployedUnits[d] = (model.world.hbmTerm[d] as number) * 2 + 1;
    expectBroken("hbm", /its hbm allow/);
  });

  it("packaging: more accelerators than packaging slots allow", () => {
    const d = domesticWithHbm();
    model.world.dieTerm[d] = 1e30;
    model.world.hbmTerm[d] = 1e30;
    model.world.deployedUnits[d] = (model.world.packagingTerm[d] as number) * 2 + 1;
    expectBroken("packaging", /its packaging allow/);
  });

  it("retirement: installed compute falling faster than retirement allows", () => {
    model.world.obs[observable("compute.installedH100e")] = 0;
    model.world.obs[observable("compute.addedH100e")] = 0;
    expectBroken("retirement", /installed compute fell from .* to 0 H100e/);
  });
});
