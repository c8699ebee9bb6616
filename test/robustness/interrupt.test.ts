import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
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

/**
 * Ctrl-C typed at a terminal, where the progress bar is shown: `script`
 * gives the command a pseudo-terminal, and the ^C written to it reaches the
 * command as a person's keystroke does, through the terminal's line
 * discipline as SIGINT to the foreground process group.
 */
function interruptedAtTerminal(): Promise<{ code: number | null; screen: string; afterSignalMs: number }> {
  const command = [process.execPath, bin, "run", "baseline", "--runs", "2000000", "--workers", "2", "--statistics", "streaming"].map((a) => `'${a}'`).join(" ");
  // -e: script exits with the command's code; -f: the screen is passed on as it is drawn.
  const child = spawn("script", ["-qfec", command, "/dev/null"], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, TERM: "xterm" } });
  let screen = "";
  let sentAt = 0;
  return new Promise((resolve, reject) => {
    const giveUp = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no progress bar within 40 s; the screen ended with ${JSON.stringify(screen.slice(-200))}`));
    }, 40_000);
    child.stdout.on("data", (d: Buffer) => {
      screen += d.toString();
      // Once the bar has been drawn twice, the job is well under way: type Ctrl-C.
      if (sentAt === 0 && screen.split("/2,000,000").length > 2) {
        sentAt = Date.now();
        child.stdin.write("\x03");
        clearTimeout(giveUp);
        setTimeout(() => {
          if (child.exitCode === null) {
            child.kill("SIGKILL");
            reject(new Error(`still running 10 s after Ctrl-C; the screen ended with ${JSON.stringify(screen.slice(-200))}`));
          }
        }, 10_000);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(giveUp);
      resolve({ code, screen, afterSignalMs: Date.now() - sentAt });
    });
  });
}

describe("Ctrl-C at a terminal, with the progress bar shown", () => {
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!hasScript)("exits 130 within a second and leaves the cursor shown and line wrap on", async () => {
    const r = await interruptedAtTerminal();
    expect(r.code).toBe(130);
    expect(r.screen).toMatch(/runs .{10,40} [\d,]+\/2,000,000 \| /);
    expect(r.screen).toMatch(/chipsim: interrupted after [\d,]+ of 2,000,000 runs; nothing was written/);
    // A cursor hidden (ESC[?25l) or line wrap turned off (ESC[?7l) must be given back (ESC[?25h, ESC[?7h) before the end.
    expect(r.screen.lastIndexOf("\x1b[?25h")).toBeGreaterThanOrEqual(r.screen.lastIndexOf("\x1b[?25l"));
    expect(r.screen.lastIndexOf("\x1b[?7h")).toBeGreaterThanOrEqual(r.screen.lastIndexOf("\x1b[?7l"));
    expect(r.afterSignalMs).toBeLessThan(1000);
  });
});

describe("Ctrl-C during a per-run export", () => {
  it("stops between blocks of runs, exits 130 and leaves no file, not even a temporary one", async () => {
    const parent = mkdtempSync(join(tmpdir(), "chipsim-int-pr-"));
    const out = join(parent, "results");
    const child = spawn(process.execPath, [bin, "run", "baseline", "--runs", "300000", "--per-run", "--metrics", "accelerators.domestic", "--formats", "csv,parquet", "--workers", "1", "--out", out]);
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Once the per-run files exist, rows are being written: interrupt then.
    const started = Date.now();
    while (!(existsSync(out) && readdirSync(out).some((f) => f.includes("per_run"))) && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500));
    const sentAt = Date.now();
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(130);
    expect(Date.now() - sentAt).toBeLessThan(5000);
    expect(stderr).toMatch(/chipsim: interrupted after [\d,]+ of 300,000 runs; nothing was written\n$/);
    expect(readdirSync(parent)).toEqual([]);
  });
});
