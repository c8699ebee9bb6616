import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { chipsim } from "../helpers/cli.js";
import { backtest, compileModel, linkableUrl } from "@chipsim/core";
import { loadTargets } from "@chipsim/scenarios";
import { resolve } from "../helpers/scenario.js";
import { childScenario, tempDir } from "../helpers/tempScenarios.js";

/** 2026-03-01T12:00:00Z, for reports whose date a test fixes. */
const FIXED_DATE = { SOURCE_DATE_EPOCH: "1772366400" };

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

  it("writes one self-contained HTML report with every chart and every parameter, fetching nothing", async () => {
    const dir = tempDir();
    const r = await chipsim(["report", "baseline", "--compare", "hbm-chokehold", "--runs", "60", "--out", join(dir, "report.html")]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html.match(/<svg[\s>]/g)).toHaveLength(10);
    // The only addresses are the sources' links, which the page does not fetch.
    expect(html.replace(/<a href="https:\/\/[^"]+">/g, "<a>")).not.toMatch(/https?:|\/\/[a-z]|<script|<link|<img|@import|url\(/i);
    for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? []) expect(XMLValidator.validate(svg)).toBe(true);
    const params = resolve("baseline").params;
    for (const p of params) expect(html, p.path).toContain(`<th scope="row">${p.path}</th>`);
    expect(html).toContain("TokenRing AI, &quot;China&#39;s &quot;Manhattan Project&quot; Unveils EUV Prototype");
    expect(html).toContain("hbm-chokehold - baseline");
  });

  it("writes the same page on one thread and on three, and refuses a bad --workers", async () => {
    const dir = tempDir();
    // 2,100 runs: three block-sized slices, so each thread can take one of each job.
    const args = ["report", "baseline", "--compare", "hbm-chokehold", "--runs", "2100", "--seed", "4", "--quiet"];
    // One fixed date, so that two reports written either side of midnight are still the same page.
    const one = await chipsim([...args, "--workers", "1", "--out", join(dir, "one.html")], process.cwd(), FIXED_DATE);
    const three = await chipsim([...args, "--workers", "3", "--out", join(dir, "three.html")], process.cwd(), FIXED_DATE);
    expect([one.code, three.code]).toEqual([0, 0]);
    expect(readFileSync(join(dir, "three.html"), "utf8")).toBe(readFileSync(join(dir, "one.html"), "utf8"));
    const bad = await chipsim(["charts", "baseline", "--workers", "1.5", "--out", join(dir, "charts")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--workers: expected a whole number of threads, at least 1, found 1.5");
    expect(readdirSync(dir)).toEqual(["one.html", "three.html"]);
  });

  it("names metrics by label and unit in headings, tables and axes, not by id", async () => {
    const dir = tempDir();
    const r = await chipsim(["report", "baseline", "--runs", "60", "--out", join(dir, "report.html")], process.cwd(), FIXED_DATE);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain('<th scope="row">Domestic AI accelerators deployed, units per year</th>');
    expect(html).toContain('<th scope="row">Installed AI compute, H100-equivalents, year end</th>');
    expect(html).toContain("<figcaption>Domestic AI accelerators deployed, units per year: median");
    expect(html).toContain("H100e (H100-equivalent): compute counted in NVIDIA H100s");
    expect(html).toContain('<th scope="row">Domestic EUV tool production-worthy</th>');
    // The y axis of the fan chart carries the label and the unit (SVG text).
    const fan = html.match(/<svg[\s\S]*?<\/svg>/)?.[0] ?? "";
    expect(fan).toContain(">Domestic AI accelerators deployed<");
    expect(fan).toContain(">units per year<");
    expect(html).not.toMatch(/<th scope="row">accelerators\.domestic|<figcaption>accelerators\./);
    expect(html).toContain("Years shown: 2025, 2027, 2030 and 2035; 2024, 2026, 2028, 2029 and 2031-2034 are left out");
  });

  it("says in words, instead of drawing one band over another, where compared scenarios coincide", async () => {
    const dir = tempDir();
    const r = await chipsim(["report", "baseline", "--compare", "baseline", "--runs", "60", "--out", join(dir, "report.html")], process.cwd(), FIXED_DATE);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    const said = html.match(/<p class="coincide">[^<]*<code>baseline<\/code> and <code>baseline<\/code> coincide: the paired difference is zero in every run and every year\./g) ?? [];
    expect(said).toHaveLength(4);
    // Five charts of the scenario and the tornado; no overlay.
    expect(html.match(/<svg[\s>]/g)).toHaveLength(6);
    expect(html).toContain("<td>0 (higher in 0% of runs)</td>");
    expect(html).toContain("<td>0.0 pp (higher in 0% of runs)</td>");
  });

  it("puts the backtest's coverage and the model's known limits in a caveats box", async () => {
    const dir = tempDir();
    const r = await chipsim(["report", "euv-delayed", "--runs", "200", "--seed", "9", "--out", join(dir, "report.html")], process.cwd(), FIXED_DATE);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    // The baseline's backtest, as `chipsim backtest --runs 200 --seed 9` runs it.
    const expected = backtest(compileModel(resolve("baseline")), loadTargets(), 200, 9);
    const box = html.match(/<aside class="caveats"[\s\S]*?<\/aside>/)?.[0] ?? "";
    expect(box).toContain(`<strong>Backtest: ${expected.covered} of ${expected.results.length} reported figures</strong> for 2024-2028 fall inside the baseline's P5-P95 band`);
    expect(box).toContain("200 runs of <code>baseline</code>, seed 9");
    for (const r of expected.results.filter((x) => !x.covered)) expect(box).toContain(` in ${r.target.year}: reported `);
    // One item per known limit in docs/model.md, besides the backtest and what the bands mean.
    const model = readFileSync(new URL("../../docs/model.md", import.meta.url), "utf8");
    const limits = model.slice(model.indexOf("## Known limits")).split("\n").filter((line) => line.startsWith("- ")).length;
    expect(box.match(/<li>/g)).toHaveLength(limits + 2);
    expect(box).toContain("HBM binds in most quarters from 2026");
  });

  it("links each parameter's source to its web address where the bibliography has a whole one", async () => {
    const dir = tempDir();
    const r = await chipsim(["report", "baseline", "--runs", "60", "--out", join(dir, "report.html")], process.cwd(), FIXED_DATE);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    const scenario = resolve("baseline");
    const row = (path: string) => html.match(new RegExp(`<tr><th scope="row">${path.replace(/[.[\]]/g, "\\$&")}</th>.*?</tr>`))?.[0] ?? "";
    let linked = 0;
    for (const p of scenario.params) {
      const url = linkableUrl(scenario.bibliography.get(p.provenance.source ?? "")?.url);
      if (url === undefined) continue;
      expect(row(p.path), p.path).toContain(`<a href="${url}">`);
      linked++;
    }
    expect(linked).toBeGreaterThan(0);
    expect(row("designs.ascend-950.hbmStacks")).toContain('<a href="https://reportify.ai/social-media/721107923617455">Huawei Connect 2025 via Reportify');
    // An address cited only in shortened form names the page without a link that would not reach it.
    expect(row("designs.ascend-910b.dieArea")).toMatch(/cited as hardwareluxx\.de\/…/);
    expect(row("designs.ascend-910b.dieArea")).not.toContain("<a ");
  });

  it("dates the page in one marked place: today, or SOURCE_DATE_EPOCH's day", async () => {
    const dir = tempDir();
    const fixed = await chipsim(["report", "baseline", "--runs", "60", "--out", join(dir, "fixed.html")], process.cwd(), FIXED_DATE);
    const today = await chipsim(["report", "baseline", "--runs", "60", "--out", join(dir, "today.html")]);
    expect([fixed.code, today.code]).toEqual([0, 0]);
    const a = readFileSync(join(dir, "fixed.html"), "utf8");
    const b = readFileSync(join(dir, "today.html"), "utf8");
    expect(a).toContain('Generated on <time datetime="2026-03-01">2026-03-01</time>');
    const day = b.match(/Generated on <time datetime="(\d{4}-\d{2}-\d{2})">/)?.[1];
    expect([new Date(Date.now() - 60_000).toISOString().slice(0, 10), new Date().toISOString().slice(0, 10)]).toContain(day);
    // Apart from the date, the page is a function of its inputs.
    const undated = (html: string) => html.replace(/<time datetime="[^"]*">[^<]*<\/time>/, "<time></time>");
    expect(undated(b)).toBe(undated(a));
    const bad = await chipsim(["report", "baseline", "--runs", "60", "--out", join(dir, "bad.html")], process.cwd(), { SOURCE_DATE_EPOCH: "yesterday" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01, found "yesterday"');
  });

  it("runs as many runs as `chipsim run` by default: the scenario's own", async () => {
    const dir = tempDir();
    // Above the 2,000 a report used to stop at.
    const scenario = childScenario(dir, "many-runs.yaml", "runs: 2100\n");
    const r = await chipsim(["report", scenario, "--out", join(dir, "report.html")], process.cwd(), FIXED_DATE);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain("<code>many-runs</code>, 2,100 runs, seed");
    expect(html).toContain("apart from the 2,100 Monte Carlo runs above");
    expect(html).toContain("2,100 runs of <code>baseline</code>");
  });
});

describe("overrides in the report, the sweep and the sensitivity analysis", () => {
  it("report: names the --set overrides beside the scenario, compares variants made by --vs, and refuses a --set that would hide a comparison", async () => {
    const dir = tempDir();
    const page = join(dir, "report.html");
    const r = await chipsim(["charts", "baseline", "--runs", "60", "--vs", "levers.us-hbm-ban.strength=0", "--out", join(dir, "charts")]);
    expect(r.code).toBe(0);
    const withSet = await chipsim(["report", "baseline", "--runs", "60", "--set", "market.demandGrowth=0.3", "--vs", "levers.us-hbm-ban.strength=0", "--out", page]);
    expect(withSet.code).toBe(0);
    const html = readFileSync(page, "utf8");
    expect(html).toContain("with --set <code>market.demandGrowth=0.3</code>");
    expect(html).toContain("baseline[levers.us-hbm-ban.strength=0] - baseline");
    const hidden = await chipsim(["report", "baseline", "--compare", "euv-delayed", "--set", "lithography.domesticEuv.readyYear=2030", "--runs", "60", "--out", join(dir, "hidden.html")]);
    expect(hidden.code).toBe(2);
    expect(hidden.stderr).toContain("--set lithography.domesticEuv.readyYear: expected a field the compared scenarios share");
  });

  it("sweep and sensitivity: name the --set overrides under their titles", async () => {
    const sweep = await chipsim(["sweep", "baseline", "--vary", "levers.us-hbm-ban.strength=0:1:2", "--runs", "40", "--set", "market.demandGrowth=0.3"]);
    expect(sweep.code).toBe(0);
    expect(sweep.stdout.split("\n")[1]).toBe("every point with --set market.demandGrowth=0.3");
    const sens = await chipsim(["sensitivity", "baseline", "--metric", "accelerators.domestic", "--year", "2027", "--runs", "200", "--method", "morris", "--set", "market.demandGrowth=0.3"]);
    expect(sens.code).toBe(0);
    expect(sens.stdout.split("\n")[1]).toBe("with --set market.demandGrowth=0.3");
  });
});
