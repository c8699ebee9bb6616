import { describe, expect, it } from "vitest";
import { readState, stateQuery } from "./pageState.js";

const ids = ["baseline", "euv-delayed"];

describe("the page state in the URL", () => {
  it("round-trips scenario, overrides, seed and runs", () => {
    const state = readState("?scenario=euv-delayed&runs=500&seed=7&set=power.connectionsPerYear%3D2&set=subsidies.packageTotal%3D3e10%20USD", ids);
    expect(state).toEqual({ scenario: "euv-delayed", runs: 500, seed: 7, sets: new Map([["power.connectionsPerYear", "2"], ["subsidies.packageTotal", "3e10 USD"]]) });
    expect(readState(stateQuery(state), ids)).toEqual(state);
  });

  it("falls back to the baseline and 2,000 runs, and leaves the seed to the scenario", () => {
    expect(readState("?scenario=nope&runs=-3&seed=x", ids)).toEqual({ scenario: "baseline", runs: 2000, seed: undefined, sets: new Map() });
  });

  it("writes overrides in a stable order", () => {
    const a = readState("?set=b.x%3D1&set=a.y%3D2", ids);
    expect(stateQuery(a)).toBe("?scenario=baseline&runs=2000&set=a.y%3D2&set=b.x%3D1");
  });
});
