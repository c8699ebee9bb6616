import mathBundle from "mathjs/lib/browser/math.js";
import type { Unit } from "mathjs";

/**
 * A private mathjs instance that knows the supply chain's units. Only unit
 * parsing and conversion are used here: nothing in a scenario file is ever
 * evaluated as an expression.
 */
// A fresh instance, so the units defined below never leak into other users of mathjs.
const math = mathBundle.create();

/** Things the model counts. Each is its own dimension, so "5 stack" is not "5 die". */
export const COUNT_UNITS = ["wafer", "die", "stack", "tool", "accelerator", "H100e"] as const;

for (const name of COUNT_UNITS) {
  math.createUnit(name, { prefixes: "short", aliases: [`${name}s`] });
}
// wafer starts per month, the foundry industry's capacity unit
math.createUnit("wpm", { definition: "1 wafer/month", prefixes: "short" });
math.createUnit("quarter", { definition: "3 month", aliases: ["quarters"] });
math.createUnit("FLOPS", { prefixes: "short" });
math.createUnit("USD", { prefixes: "short" });
// The sources convert 200-500 billion yuan to about $28-70 billion
// (tokenring-fund-2025), i.e. 0.14 USD per yuan; that rate is used here.
math.createUnit("CNY", { definition: "0.14 USD", prefixes: "short", aliases: ["yuan"] });

export function parseUnit(text: string): Unit {
  return math.unit(text);
}

export function unitOf(text: string): Unit {
  return math.unit(1, text);
}
