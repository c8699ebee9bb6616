import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { chipsim } from "../helpers/cli.js";
import { resolve } from "../helpers/scenario.js";
import { tempDir } from "../helpers/tempScenarios.js";

describe("charts and the report", () => {
  it("writes SVG charts that parse as XML", async () => {
    const out = tempDir();
    const r = await chipsim(["charts", "baseline", "--runs", "60", "--compare", "hbm-chokehold", "--out", out]);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      "bottlenecks.svg",
      "fan-accelerators.domestic.svg",
      "fan-compute.installedH100e.svg",
      "fan-hbm.stacksUsed.svg",
      "fan-share.domestic.svg",
      "overlay-accelerators.domestic.svg",
      "overlay-compute.installedH100e.svg",
      "overlay-hbm.stacksUsed.svg",
      "overlay-share.domestic.svg",
      "tornado.svg",
    ]);
    for (const f of files) {
      const svg = readFileSync(join(out, f), "utf8");
      expect(XMLValidator.validate(svg), f).toBe(true);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), f).toBe(true);
    }
  });

  it("writes one self-contained HTML report with every chart, every parameter and no external URL", async () => {
    const dir = tempDir();
    const r = await chipsim(["report", "baseline", "--compare", "h200-open-door", "--runs", "60", "--out", join(dir, "report.html")]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html.match(/<svg[\s>]/g)).toHaveLength(10);
    expect(html).not.toMatch(/https?:|\/\/[a-z]|<script|<link|<img|@import|url\(/i);
    for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? []) expect(XMLValidator.validate(svg)).toBe(true);
    const params = resolve("baseline").params;
    for (const p of params) expect(html, p.path).toContain(`<th scope="row">${p.path}</th>`);
    expect(html).toContain("TokenRing AI, &quot;China&#39;s &quot;Manhattan Project&quot; Unveils EUV Prototype");
    expect(html).toContain("h200-open-door - baseline");
  });

  it("writes the same page on one thread and on three, and refuses a bad --workers", async () => {
    const dir = tempDir();
    // 2,100 runs: three block-sized slices, so each thread can take one of each job.
    const args = ["report", "baseline", "--compare", "hbm-chokehold", "--runs", "2100", "--seed", "4", "--quiet"];
    const one = await chipsim([...args, "--workers", "1", "--out", join(dir, "one.html")]);
    const three = await chipsim([...args, "--workers", "3", "--out", join(dir, "three.html")]);
    expect([one.code, three.code]).toEqual([0, 0]);
    expect(readFileSync(join(dir, "three.html"), "utf8")).toBe(readFileSync(join(dir, "one.html"), "utf8"));
    const bad = await chipsim(["charts", "baseline", "--workers", "1.5", "--out", join(dir, "charts")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--workers: expected a whole number of threads, at least 1, found 1.5");
    expect(readdirSync(dir)).toEqual(["one.html", "three.html"]);
  });
});
