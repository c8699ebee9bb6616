import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import type { World } from "../../model/world.js";
import { LEVER_IDS } from "../../schema/leverIds.js";
import { coverage } from "../../time/index.js";
import { holds, parseCondition, type Clause } from "./triggerCondition.js";
import { labelled, leverName, perYear, yearEnd } from "../../metrics/labels.js";

interface CompiledTrigger {
  readonly id: string;
  readonly clauses: readonly Clause[];
  readonly holdIndex: number;
  readonly probabilityIndex: number;
  readonly drawIndex: number;
  readonly lever: number;
  readonly strengthIndex: number;
  readonly delayIndex: number;
}

/**
 * Policy: the export-control and industrial-policy levers. Each quarter it
 * sets every lever's effective strength (its strength times the share of
 * the quarter it is in force; the strongest of its periods where it has
 * several), fires conditional triggers whose condition
 * held over the last quarters, and turns the subsidy package into money
 * spent this quarter. Touches: world.lever, world.subsidyFunding.
 */
export class PolicyAgent implements Agent {
  readonly name = "policy";
  /** Every period of every lever: the lever's index and its start, end (-1: none) and strength parameters. */
  private readonly windows: { lever: number; start: number; end: number; strength: number }[];
  // The periods as flat arrays: lever index, and this run's start, end (Infinity: none) and strength.
  private readonly windowLever: Int32Array;
  private readonly windowStart: Float64Array;
  private readonly windowEnd: Float64Array;
  private readonly windowStrength: Float64Array;
  // This run's subsidy figures, set in reset.
  private packageTotal = 0;
  private deployment = 1;
  private subsidyEnd = 0;
  private triggers: CompiledTrigger[] = [];
  private heldFor = new Float64Array(0);
  private effectiveFrom = new Float64Array(0);
  /** Trigger indices in the order they fired, so a later response overrides an earlier one. */
  private fired = new Int32Array(0);
  private firedCount = 0;
  private readonly subsidyLever: number;
  private readonly pPackageTotal: number;
  private readonly pDeploymentTime: number;
  private readonly pSubsidyStart: number;
  private readonly spentObs: number;
  private readonly leverObs: Int32Array;

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    this.windows = LEVER_IDS.flatMap((id, lever) => {
      const l = tree.levers[id];
      return [l, ...(l.windows ?? [])].map((w) => ({ lever, start: t.index(w.start), end: t.optionalIndex(w.end), strength: t.index(w.strength) }));
    });
    this.windowLever = Int32Array.from(this.windows, (win) => win.lever);
    this.windowStart = new Float64Array(this.windows.length);
    this.windowEnd = new Float64Array(this.windows.length);
    this.windowStrength = new Float64Array(this.windows.length);
    this.subsidyLever = ctx.leverIndex("cn-subsidies");
    this.pPackageTotal = t.index(tree.subsidies.packageTotal);
    this.pDeploymentTime = t.index(tree.subsidies.deploymentTime);
    this.pSubsidyStart = t.index(tree.levers["cn-subsidies"].start);
    this.spentObs = ctx.observables.register("subsidies.spentUSD", "flow", "USD", "Money from the new support package spent in the period.", labelled("Support package spent", perYear("USD")));
    this.leverObs = Int32Array.from(LEVER_IDS, (id) =>
      ctx.observables.register(`levers.${id}`, "stock", "1", `Effective strength of ${id} (0 off, 1 fully enforced).`, labelled(`${leverName(id)}, effective strength`, yearEnd("share of full enforcement"))),
    );
  }

  /**
   * Compiles the trigger conditions. Called once every agent has registered
   * what it publishes, since a condition may watch any of it.
   */
  bind(ctx: BuildContext): void {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    this.triggers = Object.entries(tree.triggers ?? {}).map(([id, trigger]) => {
      const parsed = parseCondition(trigger.when, conditionOperands(ctx));
      // compileModel has already checked every condition; failing here is a bug.
      if (!parsed.ok) throw new Error(`trigger ${id}: ${parsed.expected}, found ${parsed.found}`);
      const draw = t.indexOfPath(`triggers.${id}.draw`);
      if (draw === undefined) throw new Error(`trigger ${id} has no draw parameter`);
      return {
        id,
        clauses: parsed.clauses,
        holdIndex: t.optionalIndex(trigger.for),
        probabilityIndex: t.optionalIndex(trigger.probability),
        drawIndex: draw,
        lever: ctx.leverIndex(trigger.then.lever),
        strengthIndex: t.index(trigger.then.strength),
        delayIndex: t.optionalIndex(trigger.then.delay),
      };
    });
    this.heldFor = new Float64Array(this.triggers.length);
    this.effectiveFrom = new Float64Array(this.triggers.length);
    this.fired = new Int32Array(this.triggers.length);
  }

  reset(w: World): void {
    this.heldFor.fill(0);
    this.effectiveFrom.fill(Infinity);
    this.firedCount = 0;
    for (let k = 0; k < this.windows.length; k++) {
      const win = this.windows[k] as PolicyAgent["windows"][number];
      this.windowStart[k] = w.p(win.start);
      this.windowEnd[k] = win.end < 0 ? Infinity : w.p(win.end);
      this.windowStrength[k] = w.p(win.strength);
    }
    this.packageTotal = w.p(this.pPackageTotal);
    this.deployment = Math.max(w.p(this.pDeploymentTime), 1);
    this.subsidyEnd = w.p(this.pSubsidyStart) + this.deployment;
  }

  step(w: World): void {
    const q = w.q;
    const lever = w.lever;
    // Arrays in locals: V8 then checks each once per call, not once per access.
    const { windowLever, windowStart, windowEnd, windowStrength } = this;
    for (let l = 0; l < lever.length; l++) lever[l] = 0;
    for (let k = 0; k < windowLever.length; k++) {
      const strength = (windowStrength[k] as number) * coverage(q, windowStart[k] as number, windowEnd[k] as number);
      const l = windowLever[k] as number;
      if (strength > (lever[l] as number)) lever[l] = strength;
    }
    if (q > 0) this.watchTriggers(w);
    for (let k = 0; k < this.firedCount; k++) {
      const i = this.fired[k] as number;
      const trigger = this.triggers[i] as CompiledTrigger;
      const share = coverage(q, this.effectiveFrom[i] as number, Infinity);
      if (share > 0) {
        const before = w.lever[trigger.lever] as number;
        w.lever[trigger.lever] = before * (1 - share) + w.p(trigger.strengthIndex) * share;
      }
    }
    const windowShare = coverage(q, -Infinity, this.subsidyEnd);
    const spent = (this.packageTotal / this.deployment) * (w.lever[this.subsidyLever] as number) * windowShare;
    w.subsidyFunding[q] = spent;
    w.obs[this.spentObs] = spent;
    const { obs } = w;
    const { leverObs } = this;
    for (let i = 0; i < leverObs.length; i++) obs[leverObs[i] as number] = lever[i] as number;
  }

  /** Conditions are read on last quarter's world: policy reacts to what it has seen. */
  private watchTriggers(w: World): void {
    for (let i = 0; i < this.triggers.length; i++) {
      if ((this.effectiveFrom[i] as number) !== Infinity) continue;
      const trigger = this.triggers[i] as CompiledTrigger;
      if (!holds(trigger.clauses, w.prevObs)) {
        this.heldFor[i] = 0;
        continue;
      }
      this.heldFor[i] = (this.heldFor[i] as number) + 1;
      const needed = trigger.holdIndex < 0 ? 1 : Math.max(1, Math.ceil(w.p(trigger.holdIndex) - 1e-9));
      if ((this.heldFor[i] as number) < needed) continue;
      const probability = trigger.probabilityIndex < 0 ? 1 : w.p(trigger.probabilityIndex);
      if (w.p(trigger.drawIndex) >= probability) {
        // This run's draw says the response does not come; stop watching.
        this.effectiveFrom[i] = -Infinity;
        continue;
      }
      this.effectiveFrom[i] = w.q + (trigger.delayIndex < 0 ? 0 : w.p(trigger.delayIndex));
      this.fired[this.firedCount++] = i;
    }
  }
}

export function conditionOperands(ctx: BuildContext) {
  const registry = ctx.observables;
  return {
    observable(id: string) {
      const index = registry.indexOf(id);
      if (index === undefined) return undefined;
      return { index, flow: registry.list[index]?.kind === "flow" };
    },
    ids: () => registry.list.map((o) => o.id),
  };
}
