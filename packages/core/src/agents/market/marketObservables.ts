import type { BuildContext } from "../../model/buildContext.js";
import { designName, labelled, perYear, yearEnd } from "../../metrics/labels.js";

/** The market's outputs: deployments, compute, money and what waits. */
export function registerMarketObservables(ctx: BuildContext) {
  const o = ctx.observables;
  return {
    domestic: o.register("accelerators.domestic", "flow", "accelerator", "Domestic AI accelerators deployed in China.", labelled("Domestic AI accelerators deployed", perYear("units"))),
    imported: o.register("accelerators.imported", "flow", "accelerator", "Imported AI accelerators deployed in China.", labelled("Imported AI accelerators deployed", perYear("units"))),
    total: o.register("accelerators.total", "flow", "accelerator", "All AI accelerators deployed in China.", labelled("AI accelerators deployed, all", perYear("units"))),
    added: o.register("compute.addedH100e", "flow", "H100e", "Compute added, in H100-equivalents (dense BF16 x software efficiency).", labelled("AI compute added", perYear("H100-equivalents"))),
    addedDomestic: o.register("compute.addedDomesticH100e", "flow", "H100e", "Compute added by domestic accelerators, in H100-equivalents.", labelled("AI compute added by domestic accelerators", perYear("H100-equivalents"))),
    installed: o.register("compute.installedH100e", "stock", "H100e", "Installed AI compute in China, in H100-equivalents, after retirements.", labelled("Installed AI compute", yearEnd("H100-equivalents"))),
    installedFlops: o.register("compute.installedFLOPS", "stock", "FLOPS", "Installed dense BF16 peak throughput in China.", labelled("Installed dense BF16 peak throughput", yearEnd("FLOPS"))),
    demand: o.register("demand.H100e", "flow", "H100e", "What buyers' money would buy at the average price per H100-equivalent of what was offered.", labelled("Demand for new AI compute", perYear("H100-equivalents"))),
    budget: o.register("spending.budgetUSD", "flow", "USD", "New money buyers set aside for AI accelerators (what carried over from earlier quarters is spending.carriedUSD).", labelled("Money for AI accelerators", perYear("USD"))),
    spent: o.register("spending.spentUSD", "flow", "USD", "Money paid for the accelerators deployed, scarcity premium included.", labelled("Money paid for AI accelerators", perYear("USD"))),
    premium: o.register("spending.scarcityPremiumUSD", "flow", "USD", "Paid above list prices when buyers' money exceeded what was offered.", labelled("Scarcity premium paid above list prices", perYear("USD"))),
    carried: o.register("spending.carriedUSD", "stock", "USD", "Unspent money carried into the next quarter.", labelled("Unspent money carried over", yearEnd("USD"))),
    domesticSupply: o.register("supply.domesticH100e", "flow", "H100e", "Domestic accelerators offered to the market (delivered this quarter or waiting) before demand and power limits, in H100-equivalents.", labelled("Domestic supply before demand and power limits", perYear("H100-equivalents"))),
    revenueShare: o.register("imports.revenueSharePaidUSD", "flow", "USD", "Revenue share paid to the US government on imports.", labelled("Revenue share paid to the US on imports", perYear("USD"))),
    powerUsed: o.register("power.usedGW", "stock", "GW", "Facility power drawn by installed AI accelerators.", labelled("Power drawn by installed AI accelerators", yearEnd("GW"))),
    powerShortfall: o.register("power.shortfallGW", "stock", "GW", "Facility power that the accelerators bought in the quarter needed beyond what was spare; data centres are started for it.", labelled("Power short for the accelerators bought", yearEnd("GW"))),
    share: o.register("share.domestic", "ratio", "1", "Domestic share of AI accelerators deployed in China (units).", labelled("Domestic share of AI accelerators deployed", "share of units in the quarter")),
    shareCompute: o.register("share.domesticCompute", "ratio", "1", "Domestic share of AI compute added in China (H100-equivalents).", labelled("Domestic share of AI compute added", "share of H100-equivalents in the quarter")),
    inTransit: o.register("packaged.inTransit", "stock", "accelerator", "Good domestic accelerators packaged and not yet delivered: in assembly and test, integration or shipment.", labelled("Domestic accelerators in assembly and delivery", yearEnd("units"))),
    waiting: o.register("packaged.waiting", "stock", "accelerator", "Finished domestic accelerators delivered but not deployed (cut by demand or power), offered again.", labelled("Finished domestic accelerators waiting", yearEnd("units"))),
  };
}

/**
 * Each design's deployments in the units the outside world counts them in:
 * accelerators, H100-equivalents and what buyers paid for them (list price
 * plus its part of any scarcity premium; for imports, before the US
 * government's revenue share).
 */
export function registerDesignObservables(ctx: BuildContext) {
  const o = ctx.observables;
  const name = (id: string) => designName(id, ctx.scenario.tree.designs[id]?.designer ?? "");
  return {
    units: Int32Array.from(ctx.designIds, (id) => o.register(`accelerators.${id}`, "flow", "accelerator", `Accelerators of ${id} deployed in China.`, labelled(`${name(id)} accelerators deployed`, perYear("units")))),
    h100e: Int32Array.from(ctx.designIds, (id) => o.register(`h100e.${id}`, "flow", "H100e", `Compute added by ${id} in China, in H100-equivalents.`, labelled(`${name(id)} compute added`, perYear("H100-equivalents")))),
    installed: Int32Array.from(ctx.designIds, (id) => o.register(`installed.${id}`, "stock", "accelerator", `Accelerators of ${id} installed in China and not yet retired.`, labelled(`${name(id)} accelerators installed`, yearEnd("units")))),
    revenue: Int32Array.from(ctx.designIds, (id) => o.register(`revenue.${id}`, "flow", "USD", `Money buyers in China paid for ${id} deployed (scarcity premium included).`, labelled(`${name(id)} sales in China`, perYear("USD")))),
  };
}
