import { describe, expect, it } from "vitest";
import { UsageError } from "../usageError.js";
import { closestId, globTest, selectMetrics, wildcardDistance } from "./metricSelection.js";

const IDS = [
  "wafers.advanced",
  "accelerators.domestic",
  "accelerators.imported",
  "accelerators.ascend-910c",
  "share.domestic",
  "share.designer.huawei",
  "designer.huawei.accelerators",
  "designer.huawei.dies",
  "compute.installedH100e",
];
const chosen = (...texts: string[]) => selectMetrics(texts, IDS).map((i) => IDS[i]);

describe("--metrics", () => {
  it("takes ids and globs, comma-separated or repeated, in the registry's order, each once", () => {
    expect(chosen("share.domestic", "accelerators.*")).toEqual(["accelerators.domestic", "accelerators.imported", "accelerators.ascend-910c", "share.domestic"]);
    expect(chosen("compute.installedH100e, wafers.advanced", "wafers.*")).toEqual(["wafers.advanced", "compute.installedH100e"]);
  });

  it("lets * match any run of characters, dots included, and nothing else be special; the whole id must match", () => {
    expect(chosen("designer.*")).toEqual(["designer.huawei.accelerators", "designer.huawei.dies"]);
    expect(chosen("designer.*.dies")).toEqual(["designer.huawei.dies"]);
    expect(chosen("*.domestic")).toEqual(["accelerators.domestic", "share.domestic"]);
    expect(chosen("*huawei*")).toEqual(["share.designer.huawei", "designer.huawei.accelerators", "designer.huawei.dies"]);
    expect(chosen("*")).toEqual(IDS);
    expect(globTest("share.domestic")("shareXdomestic")).toBe(false);
    expect(globTest("accelerators")("accelerators.domestic")).toBe(false);
    expect(globTest("a?c")("abc")).toBe(false);
    expect(globTest("a?c")("a?c")).toBe(true);
  });

  it("refuses an unknown id or a glob matching nothing, with the closest metric id", () => {
    expect(() => chosen("accelerators.domestc")).toThrow(new UsageError('--metrics: expected a metric id of this scenario, found "accelerators.domestc"; did you mean "accelerators.domestic"?'));
    expect(() => chosen("share.domestic", "acelerators.imp*")).toThrow(
      new UsageError('--metrics: expected a glob matching a metric id of this scenario, found "acelerators.imp*"; did you mean "accelerators.imported"?'),
    );
    expect(() => chosen(" , ")).toThrow(/--metrics: expected metric ids or globs such as 'accelerators\.\*', found " , "/);
  });

  it("measures the distance with a pattern's * free", () => {
    expect(wildcardDistance("accelerators.domestc", "accelerators.domestic")).toBe(1);
    expect(wildcardDistance("acc*", "accelerators.domestic")).toBe(0);
    expect(wildcardDistance("*.dies", "designer.huawei.dies")).toBe(0);
    expect(wildcardDistance("dezigner.*.dies", "designer.huawei.dies")).toBe(1);
    expect(wildcardDistance("", "abc")).toBe(3);
    expect(wildcardDistance("kitten", "sitting")).toBe(3);
    expect(closestId("desiner.*", IDS)).toBe("designer.huawei.accelerators");
  });
});
