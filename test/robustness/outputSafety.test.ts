import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chipsim } from "../helpers/cli.js";

const temp = () => mkdtempSync(join(tmpdir(), "chipsim-out-"));

describe("earlier results", () => {
  it("are not replaced unless --force, and the refusal comes before any run", async () => {
    const dir = temp();
    const args = ["run", "baseline", "--runs", "50", "--seed", "1", "--quiet", "--workers", "1", "--out", dir];
    expect((await chipsim(args)).code).toBe(0);
    const before = readFileSync(join(dir, "summary.json"), "utf8");
    const modified = statSync(join(dir, "summary.json")).mtimeMs;
    const again = await chipsim([...args.slice(0, 5), "2", ...args.slice(6)]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/expected a folder without earlier results, found summary\.json, summary\.csv, chip_sales\.csv, manifest\.json; pass --force to replace them/);
    expect(readFileSync(join(dir, "summary.json"), "utf8")).toBe(before);
    expect(statSync(join(dir, "summary.json")).mtimeMs).toBe(modified);
    const forced = await chipsim([...args.slice(0, 5), "2", ...args.slice(6), "--force"]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")).scenario.seed).toBe(2);
  });

  it("of a merge are protected too, while a shard may write its own partial again", async () => {
    const dir = temp();
    const shard = ["run", "baseline", "--runs", "50", "--quiet", "--workers", "1", "--shard", "0/1", "--out", join(dir, "parts")];
    expect((await chipsim(shard)).code).toBe(0);
    expect((await chipsim(shard)).code).toBe(0);
    expect((await chipsim(["merge", join(dir, "parts"), "--out", join(dir, "m"), "--quiet"])).code).toBe(0);
    const again = await chipsim(["merge", join(dir, "parts"), "--out", join(dir, "m"), "--quiet"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/pass --force to replace them/);
  });
});
