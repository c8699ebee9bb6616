import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHIPSIM_BIN } from "../helpers/bin.js";
import { chipsim } from "../helpers/cli.js";

const bin = CHIPSIM_BIN;

/** Runs the command line and kills it (SIGKILL: no chance to clean up) once `ready` holds. */
function killWhen(args: string[], ready: () => boolean): Promise<number | null> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: "ignore" });
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (ready()) child.kill("SIGKILL");
    }, 50);
    child.on("exit", (code) => {
      clearInterval(poll);
      resolve(code);
    });
  });
}

describe("--checkpoint", () => {
  for (const statistics of ["exact", "streaming"] as const) {
    it(`resumes a killed run (${statistics} statistics) to the uninterrupted run's summary, byte for byte`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "chipsim-ckpt-"));
      const checkpoint = join(dir, "ckpt");
      const job = ["run", "baseline", "--runs", "20000", "--seed", "13", "--statistics", statistics, "--workers", "2", "--quiet"];
      const saved = () => (existsSync(checkpoint) ? readdirSync(checkpoint).filter((n) => n.endsWith(".chipsim")).length : 0);
      const code = await killWhen([...job, "--checkpoint", checkpoint, "--out", join(dir, "resumed")], () => saved() >= 1);
      // Killed, not finished: some segments saved, no summary written.
      expect(code).toBeNull();
      expect(saved()).toBeGreaterThanOrEqual(1);
      expect(existsSync(join(dir, "resumed", "summary.json"))).toBe(false);

      const resumed = await chipsim([...job, "--checkpoint", checkpoint, "--out", join(dir, "resumed")].filter((a) => a !== "--quiet"));
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toMatch(/resumed from .*: [\d,]+ runs were already done/);
      const whole = await chipsim([...job, "--out", join(dir, "whole")]);
      expect(whole.code).toBe(0);
      expect(readFileSync(join(dir, "resumed", "summary.json"), "utf8")).toBe(readFileSync(join(dir, "whole", "summary.json"), "utf8"));
    });
  }

  it("refuses a checkpoint folder that holds another job's runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chipsim-ckpt-"));
    const checkpoint = join(dir, "ckpt");
    expect((await chipsim(["run", "baseline", "--runs", "500", "--seed", "1", "--quiet", "--checkpoint", checkpoint])).code).toBe(0);
    const other = await chipsim(["run", "baseline", "--runs", "500", "--seed", "2", "--quiet", "--checkpoint", checkpoint]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/holds another job's runs \(seed: expected 2, found 1\); use another folder or empty this one/);
  });

  it("refuses a checkpoint folder in which two files hold the same runs, naming the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chipsim-ckpt-"));
    const checkpoint = join(dir, "ckpt");
    const job = ["run", "baseline", "--runs", "500", "--seed", "1", "--statistics", "exact", "--quiet", "--checkpoint", checkpoint];
    expect((await chipsim(job)).code).toBe(0);
    const [segment] = readdirSync(checkpoint).filter((n) => n.endsWith(".chipsim"));
    copyFileSync(join(checkpoint, segment as string), join(checkpoint, "segment-copy.chipsim"));
    const again = await chipsim([...job, "--force"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/segment-copy\.chipsim holds runs from 0 that .*segment-0+\.chipsim holds too; use another folder or empty this one/);
  });
});
