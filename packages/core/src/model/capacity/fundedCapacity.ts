import { CapacityPipeline } from "./capacityPipeline.js";

/**
 * Capacity (wafer starts per month) that grows from its start by planned
 * additions and by what the support package buys, each ramping from
 * tool-in to full output: fab lines, HBM wafer lines and interposer lines
 * all grow this way. The money comes from the policy agent's spending
 * history (`fundingAt`), `lag` quarters back.
 */
export class FundedCapacity {
  private readonly pipeline: CapacityPipeline;

  constructor(quarters: number) {
    this.pipeline = new CapacityPipeline(quarters);
  }

  reset(atStart: number): void {
    this.pipeline.reset(atStart);
  }

  /**
   * Quarter q (call once per quarter, in order): orders `planned` plus
   * `funded` wpm, ramping over `ramp` quarters, and returns the capacity
   * online in q (wpm).
   */
  advance(q: number, planned: number, funded: number, ramp: number): number {
    this.pipeline.order(q, planned + funded, 0, ramp);
    return this.pipeline.advance(q);
  }
}

/** Capacity (wpm) that `share` of `money` buys at `costPerWpm`. */
export function capacityBought(money: number, share: number, costPerWpm: number): number {
  return (money * share) / costPerWpm;
}
