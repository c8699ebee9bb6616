import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHIPSIM_BIN } from "../helpers/bin.js";

const bin = CHIPSIM_BIN;

/** Starts a long job, sends Ctrl-C once runs are under way, and reports how it ended. */
function interrupted(threads: number): Promise<{ code: number | null; stderr: string; out: string; afterSignalMs: number }> {
  const out = join(mkdtempSync(join(tmpdir(), "chipsim-int-")), "results");
  const child = spawn(process.execPath, [bin, "run", "baseline", "--runs", "500000", "--statistics", "streaming", "--workers", String(threads), "--out", out]);
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    let sentAt = 0;
    // Long enough for the pilot and some slices to have run.
    const timer = setTimeout(() => {
      sentAt = Date.now();
      child.kill("SIGINT");
    }, 4000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, out, afterSignalMs: Date.now() - sentAt });
    });
  });
}

describe("Ctrl-C", () => {
  for (const threads of [1, 2]) {
    it(`stops a job on ${threads} thread${threads > 1 ? "s" : ""} promptly, says how far it got, and writes nothing`, async () => {
      const r = await interrupted(threads);
      expect(r.code).toBe(130);
      expect(r.stderr).toMatch(/^chipsim: interrupted after [\d,]+ of 500,000 runs; nothing was written\n$/);
      expect(existsSync(join(r.out, "summary.json"))).toBe(false);
      // A slice of 1,024 runs takes a fraction of a second; the bound leaves room for a loaded machine.
      expect(r.afterSignalMs).toBeLessThan(5000);
    });
  }
});
