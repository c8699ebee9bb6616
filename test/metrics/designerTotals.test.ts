import { compileModel, runMonteCarlo } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { resolve } from "../helpers/scenario.js";

/** The per-designer totals, run by run, against the per-design values they are made of. */
describe("designer totals", () => {
  const model = compileModel(resolve("baseline"));
  const index = (id: string) => {
    const m = model.metrics.findIndex((x) => x.id === id);
    if (m < 0) throw new Error(`no metric ${id}`);
    return m;
  };
  const years = Math.ceil(model.context.quarters / 4);
  it("adds up: cumulative units, sales and the share of sales", () => {
    const checked: number[] = [];
    runMonteCarlo(model, {
      runs: 8,
      seed: 3,
      discardValues: true,
      onRun: (_run, values) => {
        const at = (id: string, y: number) => values[index(id) * years + y] as number;
        let running = 0;
        let revenueAll = 0;
        for (let y = 0; y < years; y++) {
          running += at("designer.huawei.accelerators", y);
          // Cumulative: the yearly counts summed from 2024 on.
          expect(at("designer.huawei.acceleratorsCumulative", y)).toBeCloseTo(running, 3);
          const huaweiRevenue = ["ascend-910b", "ascend-910c", "ascend-950", "ascend-960", "ascend-970"].reduce((sum, id) => sum + at(`revenue.${id}`, y), 0);
          expect(at("designer.huawei.revenueUSD", y)).toBeCloseTo(huaweiRevenue, 0);
          revenueAll = model.context.designIds.reduce((sum, id) => sum + at(`revenue.${id}`, y), 0);
          // The revenue share: Huawei's takings over everyone's.
          expect(at("share.designer.huawei.revenue", y)).toBeCloseTo(revenueAll > 0 ? huaweiRevenue / revenueAll : 0, 9);
          // Everyone's takings are what buyers spent.
          expect(revenueAll).toBeCloseTo(at("spending.spentUSD", y), -3);
        }
        checked.push(running);
      },
    });
    expect(checked).toHaveLength(8);
    expect(Math.min(...checked)).toBeGreaterThan(0);
  });
});
