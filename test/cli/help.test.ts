import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinIds } from "@chipsim/scenarios";
import { CHIPSIM_BIN } from "../helpers/bin.js";
import { resolve } from "../helpers/scenario.js";

/** What a new user reads first: `chipsim --help`, each command's help, and `--version`. */
function chipsimOut(args: string[]): { code: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [CHIPSIM_BIN, ...args], { encoding: "utf8", env: { ...process.env, COLUMNS: "100" } });
  return { code: r.status, stdout: r.stdout };
}

const COMMANDS = ["run", "merge", "compare", "sweep", "sensitivity", "report", "charts", "validate", "list", "cache", "show", "explain", "sources", "backtest", "schema"];
const version = (JSON.parse(readFileSync(new URL("../../packages/cli/package.json", import.meta.url), "utf8")) as { version: string }).version;

/** The help page's options, each with the text that follows its flag (its description, type and default). */
function options(help: string): Map<string, string> {
  const found = new Map<string, string>();
  let current: string | undefined;
  for (const line of help.split("\n")) {
    const m = /^ {2}(--[a-z-]+)\s*(.*)$/.exec(line);
    if (m) {
      current = m[1] as string;
      found.set(current, m[2] as string);
    } else if (current && /^ {6,}\S/.test(line)) found.set(current, `${found.get(current)} ${line.trim()}`);
    else current = undefined;
  }
  return found;
}

describe("help", () => {
  it("prints the version with --version", () => {
    const r = chipsimOut(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it("gives examples and the exit codes on the main page", () => {
    const r = chipsimOut(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n {2}chipsim run baseline/);
    expect(r.stdout).toMatch(/Exit codes: 0 success; 1 .*; 2 bad input/s);
    expect(r.stdout).toMatch(/130 interrupted/);
  });

  for (const command of COMMANDS) {
    it(`${command}: examples, exit codes, and every flag described with a stated default`, () => {
      const r = chipsimOut([command, "--help"]);
      expect(r.code).toBe(0);
      const examples = r.stdout.split("Examples:\n")[1]?.split("\n\n")[0] ?? "";
      expect((examples.match(/^ {2}chipsim /gm) ?? []).length, r.stdout).toBeGreaterThanOrEqual(1);
      if (!["list", "schema"].includes(command)) expect((examples.match(/^ {2}chipsim /gm) ?? []).length, r.stdout).toBeGreaterThanOrEqual(2);
      expect(r.stdout).toContain("Exit codes: 0 success");
      for (const [flag, text] of options(r.stdout)) {
        // A description: words before the [type] and [default] brackets.
        expect(text.replace(/\[[^\]]*\]/g, "").trim().length, `${command} ${flag}: ${text}`).toBeGreaterThan(3);
        // A default that comes from the scenario says which number it is.
        if (/default: the (first )?scenario's/.test(text)) expect(text, `${command} ${flag}`).toMatch(/default: [^\]]*\d/);
      }
    });
  }

  it("states the numbers behind run's defaults, which are every built-in scenario's", () => {
    const flags = options(chipsimOut(["run", "--help"]).stdout);
    for (const id of builtinIds()) {
      const { meta } = resolve(id);
      expect(flags.get("--runs"), id).toContain(`${meta.runs.toLocaleString("en-US")} for the built-ins`);
      expect(flags.get("--seed"), id).toContain(`${String(meta.seed)} for the built-ins`);
    }
    expect(flags.get("--memory-bound")).toContain("512");
    expect(flags.get("--workers")).toMatch(/one per core \(\d+ here\)/);
  });
});
