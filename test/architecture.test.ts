import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "dist" ? [] : sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("architecture", () => {
  const core = sources(join(root, "packages/core/src"));

  it("keeps the engine free of Node-only imports and host APIs, so it runs in a browser", () => {
    const offenders = core.filter((f) => /from "node:|from "(fs|path|os|child_process|worker_threads)"|\bprocess\.|\bBuffer\b|require\(/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("keeps global randomness out of the engine", () => {
    const offenders = core.filter((f) => /Math\.random\s*\(/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("computes no power with Math.pow or **, so a browser gives the command line's bits", () => {
    // JavaScript engines agree on exp and log (fdlibm) but not on pow in the last bit.
    const offenders = core.filter((f) => /Math\.pow\s*\(|[\w)\]]\s*\*\*\s*[\w(-]/.test(readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("imports other packages only through their public entry point", () => {
    const all = ["core", "scenarios", "cli"].flatMap((p) => sources(join(root, "packages", p, "src")));
    const deep = all.filter((f) => /from "@chipsim\/[a-z]+\//.test(readFileSync(f, "utf8")));
    expect(deep.map((f) => relative(root, f))).toEqual([]);
  });

  it("has one agent per file, each under 300 lines", () => {
    const agents = core.filter((f) => /Agent\.ts$/.test(f));
    expect(agents.length).toBe(9);
    for (const f of agents) expect(readFileSync(f, "utf8").split("\n").length, relative(root, f)).toBeLessThan(300);
  });
});
