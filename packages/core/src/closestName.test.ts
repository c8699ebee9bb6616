import { describe, expect, it } from "vitest";
import { closestName, didYouMean } from "./closestName.js";

describe("closestName", () => {
  const fabFields = ["operator", "node", "online", "capacityAtStart", "plannedAdditionsPerYear", "plannedUntil", "rampTime", "utilization", "aiShare", "subsidyShare"];

  it("finds a name one insertion, deletion, substitution or swap away", () => {
    expect(closestName("plannedAdditionPerYear", fabFields)).toBe("plannedAdditionsPerYear");
    expect(closestName("rampTimee", fabFields)).toBe("rampTime");
    expect(closestName("utilisation", fabFields)).toBe("utilization");
    expect(closestName("capacityAtStrat", fabFields)).toBe("capacityAtStart");
  });

  it("ignores case, dashes and underscores", () => {
    expect(closestName("readyyear", ["readyYear", "rampTime"])).toBe("readyYear");
    expect(closestName("planned_additions_per_year", fabFields)).toBe("plannedAdditionsPerYear");
    expect(closestName("us-hbm-bam", ["us-hbm-ban", "us-euv-ban"])).toBe("us-hbm-ban");
  });

  it("suggests nothing when no name is close, or two are equally close", () => {
    expect(closestName("zzzz", fabFields)).toBeUndefined();
    expect(closestName("weather", fabFields)).toBeUndefined();
    expect(closestName("n9", ["n7", "n5"])).toBeUndefined();
    expect(closestName("", fabFields)).toBeUndefined();
    expect(closestName("ab", ["xy"])).toBeUndefined();
  });

  it("allows about one edit in three characters", () => {
    expect(closestName("readyYr", ["readyYear"])).toBe("readyYear");
    expect(closestName("rdyYr", ["readyYear"])).toBeUndefined();
    expect(closestName("n7x", ["n7", "n5"])).toBe("n7");
  });

  it("reads as the tail of a one-line message", () => {
    expect(didYouMean("jsno", ["json", "csv", "parquet"])).toBe("; did you mean json?");
    expect(didYouMean("xml", ["json", "csv", "parquet"])).toBe("");
  });
});
