import type { LeverId } from "../schema/leverIds.js";

/**
 * What each lever does, in the model's own terms: the agent that reads it,
 * the mechanism at strength s, the indicator it moves first (with the sign
 * of that move as s rises), and the headline result a reader expects it to
 * move. `chipsim explain levers.<id>` prints this beside a paired
 * measurement; where the measured headline effect has the other sign,
 * `net` says why, and docs/model.md gives the numbers.
 */
export interface LeverEffect {
  readonly readBy: string;
  readonly mechanism: string;
  /** The indicator the lever acts on first, and whether it falls (-1) or rises (+1) as the strength rises. */
  readonly direct: { readonly metric: string; readonly sign: -1 | 1 };
  /** The headline result a reader expects it to move, with the expected sign; absent where it has none. */
  readonly headline?: { readonly metric: string; readonly sign: -1 | 1 };
  /** Why the net effect on the headline can differ from the direct one. */
  readonly net?: string;
}

export const LEVER_EFFECTS: Readonly<Record<LeverId, LeverEffect>> = {
  "us-euv-ban": {
    readBy: "lithography",
    mechanism: "foreign EUV deliveries times (1 - s); EUV exposures print critical layers of logic and DRAM wafers and open nodes that need EUV",
    direct: { metric: "litho.euvTools", sign: -1 },
    headline: { metric: "accelerators.domestic", sign: -1 },
  },
  "us-duv-controls": {
    readBy: "lithography",
    mechanism: "foreign ArF immersion deliveries to the advanced logic and HBM DRAM lines times (1 - s)",
    direct: { metric: "litho.duvScanners", sign: -1 },
    headline: { metric: "accelerators.domestic", sign: -1 },
    net: "Scanners serve the planned AI dies and the HBM DRAM before phone and other chips, so at the baseline's strength the tools left still serve those in most runs and the controls cut other chips first: accelerators fall by a fraction of a percent. At full strength they cut domestic HBM in 2030 by about a fifth (docs/behaviour.md, duv-controls-cut-hbm).",
  },
  "us-duv-servicing": {
    readBy: "lithography",
    mechanism: "scanner uptime times (1 - servicingUptimeLoss s); foreign scanners lost at servicingAttritionPerYear s",
    direct: { metric: "litho.duvScanners", sign: -1 },
    headline: { metric: "accelerators.domestic", sign: -1 },
    net: "Not in force in the baseline (strength 0), so switching it off changes nothing there; scenarios that switch it on (retaliation-spiral) show its effect, and docs/behaviour.md measures it (servicing-ban-cuts-wafers).",
  },
  "us-hbm-ban": {
    readBy: "memory",
    mechanism: "foreign HBM inflow times (1 - s); the pre-ban rush arrives in the quarter the ban starts; from that quarter, while in force, the stock then (the rush included) is drawn at most over banCover",
    direct: { metric: "hbm.foreignStock", sign: -1 },
    headline: { metric: "accelerators.domestic", sign: -1 },
  },
  "us-ai-chip-exports": {
    readBy: "designs",
    mechanism: "imported accelerator supply times (1 - s)",
    direct: { metric: "accelerators.imported", sign: -1 },
    headline: { metric: "compute.installedH100e", sign: -1 },
    net: "In the baseline it stands for the April-August 2025 halt of H20 licences alone, so it changes 2025 and, through the installed base, the years until those accelerators retire; after 2025 imports flow as if it were off.",
  },
  "us-next-generation-exports": {
    readBy: "designs",
    mechanism: "supply of each imported design that names it as its licenceLever (the generations after the H200) times (1 - s), on top of us-ai-chip-exports",
    direct: { metric: "accelerators.imported", sign: -1 },
    headline: { metric: "compute.installedH100e", sign: -1 },
    net: "The baseline withholds licences from the Blackwell-based B30A throughout (strength 1), so switching the lever off opens it from its launch: imports and installed compute rise, and the money they take is money the domestic designs do not get once buyers' budgets bind.",
  },
  "us-foundry-ban": {
    readBy: "designs",
    mechanism: "dies that foreign foundries add to the die banks times (1 - s)",
    direct: { metric: "dies.bankRemaining", sign: -1 },
    headline: { metric: "accelerators.domestic", sign: -1 },
    net: "While HBM binds, dies from the bank mostly replace dies from SMIC wafers (the plans then start fewer, and wafers.aiReleased rises), so the ban changes which dies are packaged and when more than how many accelerators are made: more dies early lets designs use carried-over HBM sooner, which can leave a year later slightly lower. Its effect on domestic accelerators is a few percent at most and can change sign from one year to the next.",
  },
  "cn-domestic-mandate": {
    readBy: "market",
    mechanism: "the state-funded share of buyers' money (s x mandateCoverage) buys domestic designs only; what it cannot spend waits",
    direct: { metric: "accelerators.imported", sign: -1 },
    headline: { metric: "share.domestic", sign: 1 },
    net: "The mandate binds only where buyers' own choice is less domestic than it requires. In the baseline imports are few (the H20 ends in 2025, then about 150 thousand H200s and MI308s a year until the H200 ends in 2028-2030) and buyers' money exceeds what is offered until the 2030s, so everything offered is bought and the domestic share (66% in 2025, 94% in 2028, 100% from 2030) is already above the 20-50% of money the mandate reserves: no effect. With plentiful imports (4 million H200s a year, to the horizon) a coverage of 0.9 raises the 2030 domestic share by 7 points (docs/behaviour.md).",
  },
  "cn-import-rejection": {
    readBy: "market",
    mechanism: "imports accepted times (1 - s); the money goes to the other offers",
    direct: { metric: "accelerators.imported", sign: -1 },
    headline: { metric: "share.domestic", sign: 1 },
  },
  "cn-minerals-controls": {
    readBy: "triggers only",
    mechanism: "published as levers.cn-minerals-controls for triggers to watch; no direct effect on Chinese output",
    direct: { metric: "levers.cn-minerals-controls", sign: 1 },
  },
  "cn-subsidies": {
    readBy: "policy",
    mechanism: "share of the support package spent; the money buys logic, HBM DRAM and packaging capacity after a lag",
    direct: { metric: "subsidies.spentUSD", sign: 1 },
    headline: { metric: "accelerators.domestic", sign: 1 },
    net: "The package is spent over its deployment time from 2026; the capacity it buys comes online after the funding lag and the ramp, so accelerators move from about 2028, and spending has ended well before 2035.",
  },
};
