import { supportOf } from "../../distributions/support.js";
import type { AgentEngine } from "../../model/agentDefinition.js";
import { harvestCondition, MAX_HARVEST_CONDITION } from "./coreHarvesting.js";
import { YieldAgent } from "./yieldAgent.js";

/** Yield as compiling a model needs it (no schema library: worker threads load this). */
export const yieldEngine: AgentEngine<"yield"> = {
  name: "yield",
  build: (ctx) => new YieldAgent(ctx),
  /** Core harvesting must stay within the range where its formula is accurate. */
  modelChecks(ctx, issue) {
    ctx.designIds.forEach((id, d) => {
      const design = ctx.domesticDesign(d);
      if (!design) return;
      const maxCores = supportOf(design.cores.dist)[1];
      const minRequired = supportOf(design.coresRequired.dist)[0];
      if (maxCores >= minRequired && harvestCondition(maxCores, minRequired) > MAX_HARVEST_CONDITION) {
        issue(
          `designs.${id}.coresRequired`,
          `fewer spare cores for a die of ${maxCores} cores: the harvesting formula loses accuracy beyond 8 spare of 32 or 4 of 64`,
          `${maxCores - minRequired} spare cores`,
        );
      }
    });
  },
};
