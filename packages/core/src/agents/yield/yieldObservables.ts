import type { BuildContext } from "../../model/buildContext.js";
import { designName, labelled, perYear, yearEnd } from "../../metrics/labels.js";

/** The yield agent's outputs: good and candidate dies per domestic design (world index in designOf), and dies still in the fab. */
export function registerYieldObservables(ctx: BuildContext, designOf: Int32Array) {
  const { tree } = ctx.scenario;
  const o = ctx.observables;
  const nameOf = (d: number) => designName(ctx.designIds[d] as string, tree.designs[ctx.designIds[d] as string]?.designer ?? "");
  return {
    dies: Int32Array.from(designOf, (d) =>
      o.register(`dies.${ctx.designIds[d]}`, "flow", "die", `Good compute dies of ${ctx.designIds[d]} made in China.`, labelled(`${nameOf(d)} good dies made`, perYear("dies"))),
    ),
    candidates: Int32Array.from(designOf, (d) =>
      o.register(`candidates.${ctx.designIds[d]}`, "flow", "die", `Candidate dies of ${ctx.designIds[d]} on the wafers it was given.`, labelled(`${nameOf(d)} candidate dies`, perYear("dies"))),
    ),
    inFab: o.register("dies.inFab", "stock", "die", "Good domestic dies in wafers still in the fab (their yield as at the wafer start).", labelled("Domestic dies in the fab", yearEnd("dies"))),
  };
}
