import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scenariosDoc, SCENARIOS_DOC_RUNS, SCENARIOS_DOC_SEED } from "@chipsim/cli";
import { describe, expect, it } from "vitest";
import { chipsim } from "../helpers/cli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("explain and sources", () => {
  it("explains a parameter with its meaning, unit, distribution, claim and article", async () => {
    const r = await chipsim(["explain", "lithography.domesticEuv.readyYear"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("When the domestic EUV tool becomes production-worthy");
    expect(r.stdout).toContain("distribution   pert(2028Q1, 2030Q1, 2033Q4)");
    expect(r.stdout).toContain('source         tokenring-euv-2025: TokenRing AI, "China\'s "Manhattan Project" Unveils EUV Prototype');
    expect(r.stdout).toContain("read by        the lithography agent");
  });

  it("explains a value as a scenario sets it, and lists candidates for a partial path", async () => {
    const r = await chipsim(["explain", "readyYear", "--scenario", "euv-breakthrough"]);
    expect(r.stdout).toContain("uniform(2028Q1, 2029Q1)");
    expect(r.stdout).toContain("claim          China's target is working chips");
    const many = await chipsim(["explain", "hbmStacks"]);
    expect(many.stdout).toMatch(/^\d+ parameters match "hbmStacks"; name one:\n {2}designs\.ascend-910b\.hbmStacks/);
    const none = await chipsim(["explain", "no.such.thing"]);
    expect(none.code).toBe(2);
  });

  it("lists the sources and shows what cites one", async () => {
    const list = await chipsim(["sources"]);
    expect(list.stdout).toMatch(/^id\s+date\s+publisher\s+title\n/);
    const one = await chipsim(["sources", "tokenring-baidu-2025"]);
    expect(one.stdout).toContain("baseline: levers.cn-domestic-mandate.strength");
    expect(one.stdout).toContain("target domestic-share-2027");
  });
});

describe("docs/scenarios.md", () => {
  it("is what the generator writes from real runs (regenerate with pnpm docs:scenarios)", () => {
    const committed = readFileSync(`${root}/docs/scenarios.md`, "utf8");
    expect(scenariosDoc({ runs: SCENARIOS_DOC_RUNS, seed: SCENARIOS_DOC_SEED, cwd: root })).toBe(committed);
  });
});
