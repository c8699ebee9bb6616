import { SOBOL_MAX_FACTORS } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { chipsim } from "../helpers/cli.js";

describe("sensitivity", () => {
  it("reports a tornado and global indices, with the method and the runs it took", async () => {
    const r = await chipsim(["sensitivity", "baseline", "--metric", "accelerators.domestic", "--year", "2030", "--runs", "2500", "--method", "sobol", "--format", "json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.global.method).toBe("sobol");
    expect(report.global.runs).toBe(report.global.size * (report.global.factors.length + 2));
    expect(report.tornado.runs + report.global.runs).toBeLessThanOrEqual(2500 + report.global.factors.length + 2);
    // Ranked: totals descending; bars by swing.
    const totals = report.global.factors.map((f: { total: number }) => f.total);
    expect([...totals].sort((a: number, b: number) => b - a)).toEqual(totals);
    const swings = report.tornado.bars.map((b: { swing: number }) => b.swing);
    expect([...swings].sort((a: number, b: number) => b - a)).toEqual(swings);
    // The rank-correlation screen: one entry per uncertain parameter, by magnitude.
    const ranks = report.rankCorrelations.params.map((p: { rank: number }) => Math.abs(p.rank));
    expect([...ranks].sort((a: number, b: number) => b - a)).toEqual(ranks);
    expect(ranks.every((x: number) => x <= 1)).toBe(true);
    expect(report.rankCorrelations.params).toHaveLength(report.tornado.bars.length);
    // A parameter that cannot reach domestic output (the revenue share paid on imports) moves it by exactly nothing.
    expect(report.tornado.bars.find((b: { path: string }) => b.path === "market.revenueShare")?.swing).toBe(0);
  });

  it("chooses Morris by itself for the baseline's sections, more than Sobol takes", async () => {
    const r = await chipsim(["sensitivity", "baseline", "--metric", "accelerators.domestic", "--year", "2030", "--runs", "800", "--format", "json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.global.factors.length).toBeGreaterThan(SOBOL_MAX_FACTORS);
    expect(report.global.method).toBe("morris");
  });

  it("uses Morris when asked, and prints which method and how many runs", async () => {
    const r = await chipsim(["sensitivity", "baseline", "--metric", "compute.installedH100e", "--year", "2028", "--method", "morris", "--group-by", "param", "--runs", "1500"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Global: Morris elementary effects over \d+ parameters; \d+ trajectories, [\d,]+ model runs/);
  });

  it("draws the screen and the Saltelli design's base points as --sampler says, the same on one thread and two, and says so", async () => {
    const args = ["sensitivity", "baseline", "--metric", "accelerators.domestic", "--year", "2030", "--runs", "1200", "--method", "sobol", "--format", "json", "--sampler", "sobol"];
    const one = await chipsim([...args, "--workers", "1"]);
    expect(one.code, one.stderr).toBe(0);
    const report = JSON.parse(one.stdout);
    expect(report.global.sampler).toBe("sobol");
    expect((await chipsim([...args, "--workers", "2"])).stdout).toBe(one.stdout);
    // The points are not the random draws': the indices move (the tornado, which draws nothing, does not).
    const random = JSON.parse((await chipsim([...args.slice(0, -2), "--workers", "1"])).stdout);
    expect(random.global.sampler).toBeUndefined();
    expect(random.tornado).toEqual(report.tornado);
    expect(random.global.factors).not.toEqual(report.global.factors);
    const table = await chipsim([...args.slice(0, -4), "--sampler", "sobol", "--workers", "1"]);
    expect(table.stdout).toContain("over 120 scrambled Sobol points of all inputs");
    expect(table.stdout).toMatch(/Saltelli design, \d+ base samples, A and B from scrambled Sobol points/);
  });

  it("refuses a sampler for Morris trajectories, saying why and what to use", async () => {
    const r = await chipsim(["sensitivity", "baseline", "--metric", "accelerators.domestic", "--year", "2030", "--runs", "800", "--sampler", "lhs"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sampler lhs: expected the Sobol design, found the Morris method \(chosen for \d+ factors, more than the 60 a Sobol design affords\).*use --method sobol, or --sampler random/);
  });

  it("refuses an unknown metric or a year outside the horizon", async () => {
    expect((await chipsim(["sensitivity", "baseline", "--metric", "nope", "--year", "2030"])).code).toBe(2);
    expect((await chipsim(["sensitivity", "baseline", "--metric", "accelerators.domestic", "--year", "2040"])).stderr).toContain("--year: expected a year from 2024 to 2035, found 2040");
  });
});
