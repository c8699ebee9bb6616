import { nodeOfKind } from "../../config/references.js";
import { closestName } from "../../closestName.js";
import { supportOf } from "../../distributions/support.js";
import type { AgentDefinition } from "../../model/agentDefinition.js";
import { MAX_SPARE_CORES } from "../../schema/designLimits.js";
import { designsSchema } from "./designsSchema.js";
import { dieBanksSchema } from "./dieBanksSchema.js";
import { designsEngine } from "./engine.js";

const sections = {
  dieBanks: dieBanksSchema.describe("Stocks of dies made abroad before the foundry ban, by id, and the designs that may use them."),
  designs: designsSchema.describe("Accelerator designs by id: `origin: domestic` (made in China, wafer to package) or `origin: import`."),
};

/** Designs: the accelerators, domestic and imported, and the banks of dies made abroad. */
export const designsDefinition: AgentDefinition<"designs", typeof sections> = {
  ...designsEngine,
  sections,
  crossChecks(tree, issue) {
    const banked = new Map<string, string>();
    const { designs } = tree;
    if (tree.dieBanks && designs) {
      const domestic = Object.keys(designs).filter((id) => designs[id]?.origin === "domestic");
      for (const [bank, entry] of Object.entries(tree.dieBanks)) {
        entry.designs.forEach((design, k) => {
          const d = Object.hasOwn(designs, design) ? designs[design] : undefined;
          if (!d || d.origin !== "domestic") {
            issue(`dieBanks.${bank}.designs.${k}`, "the id of a domestic design", `"${design}"`, closestName(design, domestic));
          } else if (banked.has(design)) {
            issue(`dieBanks.${bank}.designs.${k}`, `a design in only one die bank (${design} is also in ${banked.get(design)})`, `"${design}"`);
          } else banked.set(design, bank);
        });
        // An entry for a domestic design the bank does not list is left alone (it has no effect), so that a
        // scenario can narrow the bank's designs without repeating the allotment it inherits.
        for (const design of Object.keys(entry.allotment ?? {})) {
          if (!domestic.includes(design)) issue(`dieBanks.${bank}.allotment.${design}`, "the id of a domestic design", `"${design}"`, closestName(design, domestic));
        }
      }
    }
    for (const [id, design] of Object.entries(designs ?? {})) {
      if (design.origin !== "domestic") continue;
      nodeOfKind(issue, tree.nodes, `designs.${id}.node`, design.node, "logic");
      const [, maxRequired] = supportOf(design.coresRequired.dist);
      const [minCores, maxCores] = supportOf(design.cores.dist);
      const [minRequired] = supportOf(design.coresRequired.dist);
      if (maxRequired > minCores) {
        issue(`designs.${id}.coresRequired`, `no more than the cores on the die (${minCores})`, String(maxRequired));
      } else if (maxCores - minRequired > MAX_SPARE_CORES) {
        issue(`designs.${id}.coresRequired`, `at most ${MAX_SPARE_CORES} spare cores (cores - coresRequired)`, String(maxCores - minRequired));
      }
    }
  },
};
