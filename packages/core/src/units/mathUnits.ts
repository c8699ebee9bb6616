import mathBundle from "mathjs/lib/browser/math.js";
import type { Unit } from "mathjs";

/** Things the model counts. Each is its own dimension, so "5 stack" is not "5 die". */
export const COUNT_UNITS = ["wafer", "die", "stack", "tool", "accelerator", "H100e"] as const;

type MathInstance = ReturnType<typeof mathBundle.create>;
let instance: MathInstance | undefined;
/** Units named by schemas before the instance existed, checked when it is made. */
const unchecked: string[] = [];

/**
 * A private mathjs instance that knows the supply chain's units. Only unit
 * parsing and conversion are used here: nothing in a scenario file is ever
 * evaluated as an expression.
 *
 * It is made on first use: creating an instance builds every mathjs
 * function, a large part of the cost of importing core, which code that
 * never reads a unit need not pay. Units that schemas declare at import
 * are checked then (checkUnit).
 */
function math(): MathInstance {
  if (instance) return instance;
  // A fresh instance, so the units defined below never leak into other users of mathjs.
  const m = mathBundle.create();
  for (const name of COUNT_UNITS) {
    m.createUnit(name, { prefixes: "short", aliases: [`${name}s`] });
  }
  // wafer starts per month, the foundry industry's capacity unit
  m.createUnit("wpm", { definition: "1 wafer/month", prefixes: "short" });
  m.createUnit("quarter", { definition: "3 month", aliases: ["quarters"] });
  m.createUnit("FLOPS", { prefixes: "short" });
  m.createUnit("USD", { prefixes: "short" });
  // The sources convert 200-500 billion yuan to about $28-70 billion
  // (tokenring-fund-2025), i.e. 0.14 USD per yuan; that rate is used here.
  m.createUnit("CNY", { definition: "0.14 USD", prefixes: "short", aliases: ["yuan"] });
  lockDown(m);
  instance = m;
  for (const unit of unchecked.splice(0)) m.unit(1, unit);
  return m;
}

/**
 * The functions that evaluate text or change mathjs itself, replaced by
 * ones that refuse: nothing chipsim does needs them after the units above
 * exist, so even a bug that handed scenario text to one of them could not
 * run an expression or redefine a unit (the lock-down mathjs's security
 * notes recommend).
 */
const DISABLED = ["import", "createUnit", "evaluate", "parse", "compile", "simplify", "derivative", "resolve", "chain", "reviver", "replacer"] as const;

function lockDown(m: MathInstance): void {
  const refusals: Record<string, () => never> = {};
  for (const name of DISABLED) {
    refusals[name] = () => {
      throw new Error(`mathjs ${name} is disabled in chipsim`);
    };
  }
  m.import(refusals, { override: true });
  // config() changes the instance too (number type, precision); it is a property, not an imported function.
  Object.defineProperty(m, "config", { value: refusals["import"], writable: false });
}

/** The unit instance itself, for tests that check nothing in a scenario can change it. */
export function unitMath(): MathInstance {
  return math();
}

/**
 * Throws if mathjs does not know `unit`: now if the instance exists, else
 * as soon as it is made (schemas call this at import, before any unit is read).
 */
export function checkUnit(unit: string): void {
  if (instance) instance.unit(1, unit);
  else unchecked.push(unit);
}

export function parseUnit(text: string): Unit {
  return math().unit(text);
}

export function unitOf(text: string): Unit {
  return math().unit(1, text);
}
