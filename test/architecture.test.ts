import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
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
    // JavaScript engines do not agree on pow in the last bit.
    const offenders = core.filter((f) => /Math\.pow\s*\(|[\w)\]]\s*\*\*\s*[\w(-]/.test(readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("computes exp, log, log1p and sin with its own fdlibm ports, and no other function engines may round their own way", () => {
    // Chromium 156 and Node 20 differ in the last bit of about one exp in ten (math/fdlibm.ts);
    // +, -, *, /, sqrt, floor, ceil, round, trunc, abs, min, max and imul are exact in every engine.
    const approximated = /Math\.(exp|expm1|log|log1p|log2|log10|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot)\s*\(/;
    const offenders = core.filter((f) => !f.endsWith("fdlibm.ts") && approximated.test(readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("imports other packages only through the entry points they export", () => {
    const all = ["core", "scenarios", "cli"].flatMap((p) => sources(join(root, "packages", p, "src")));
    const exported = (pkg: string) => Object.keys(JSON.parse(readFileSync(join(root, "packages", pkg, "package.json"), "utf8")).exports ?? {});
    const deep = all.flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/from "@chipsim\/([a-z]+)\/([^"]+)"/g)]
        .filter(([, pkg, sub]) => !exported(pkg as string).includes(`./${sub}`))
        .map(([spec]) => `${relative(root, f)}: ${spec}`),
    );
    expect(deep).toEqual([]);
  });

  it("loads no schema or unit library in the engine entry point that worker threads use", () => {
    // Worker threads run only scenarios the main thread has already checked; zod and mathjs would
    // cost each of them about 20 MiB and a tenth of a second to load.
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of readFileSync(file, "utf8").matchAll(/^(?:import|export)(?!\s+type\b)[^"]*?from "([^"]+)"/gm)) {
        if ((spec as string).startsWith(".")) visit(join(file, "..", (spec as string).replace(/\.js$/, ".ts")));
        else packages.add(spec as string);
      }
    };
    visit(join(root, "packages/core/src/engine.ts"));
    expect(seen.size).toBeGreaterThan(30);
    expect([...packages].sort()).toEqual(["seedrandom"]);
  });

  describe("an agent is one folder", () => {
    const agentsDir = join(root, "packages/core/src/agents");
    const folders = readdirSync(agentsDir).filter((name) => statSync(join(agentsDir, name)).isDirectory());
    /** The core source files a file imports (types included), as paths. */
    const importsOf = (file: string) =>
      [...readFileSync(file, "utf8").matchAll(/^(?:import|export)[^"]*?from "(\.[^"]+)"/gm)].map(([, spec]) => join(dirname(file), (spec as string).replace(/\.js$/, ".ts")));
    /** The agent folder a path lies in, if any. */
    const agentOf = (path: string) => {
      const inside = relative(agentsDir, path);
      return inside.startsWith("..") || !inside.includes(sep) ? undefined : inside.split(sep)[0];
    };
    const listed = (file: string, list: string, suffix: string) => {
      const text = readFileSync(join(agentsDir, file), "utf8");
      const body = text.slice(text.indexOf(`export const ${list} = [`), text.indexOf("] as const;"));
      return [...body.matchAll(new RegExp(`(\\w+)${suffix},`, "g"))].map(([, name]) => name);
    };

    it("exports one definition from each agent folder's index.ts, and its zod-free engine part from engine.ts", () => {
      expect(folders.length).toBe(10);
      for (const name of folders) {
        const index = readFileSync(join(agentsDir, name, "index.ts"), "utf8");
        expect(index.match(/^export /gm), `agents/${name}/index.ts`).toHaveLength(1);
        expect(index, `agents/${name}/index.ts`).toMatch(new RegExp(`^export const ${name}Definition: AgentDefinition<"${name}", typeof sections> = \\{\\n  \\.\\.\\.${name}Engine,$`, "m"));
        const engine = readFileSync(join(agentsDir, name, "engine.ts"), "utf8");
        expect(engine, `agents/${name}/engine.ts`).toMatch(new RegExp(`^export const ${name}Engine: AgentEngine<"${name}"> = \\{$`, "m"));
      }
    });

    it("keeps each agent's code to its own folder: what agents share lives in model/", () => {
      const offenders = core.flatMap((f) => {
        const own = agentOf(f);
        if (own === undefined) return [];
        return importsOf(f)
          .filter((target) => agentOf(target) !== undefined && agentOf(target) !== own)
          .map((target) => `${relative(root, f)} -> ${relative(root, target)}`);
      });
      expect(offenders).toEqual([]);
    });

    it("is reached from the rest of core only through the registries", () => {
      const registries = [join(agentsDir, "registry.ts"), join(agentsDir, "sections.ts")];
      const offenders = core
        .filter((f) => relative(agentsDir, f).startsWith(".."))
        .flatMap((f) =>
          importsOf(f)
            .filter((target) => !relative(agentsDir, target).startsWith("..") && !registries.includes(target))
            .map((target) => `${relative(root, f)} -> ${relative(root, target)}`),
        );
      expect(offenders).toEqual([]);
    });

    it("lists every agent once in each registry, in the step order docs/model.md gives", () => {
      const model = readFileSync(join(root, "docs/model.md"), "utf8");
      const sentence = /every agent steps in the order ([a-z,\s]+);/.exec(model)?.[1] as string;
      const documented = sentence.split(/,\s*/).map((name) => name.trim());
      expect(documented).toHaveLength(10);
      expect([...documented].sort()).toEqual([...folders].sort());
      expect(listed("registry.ts", "AGENTS", "Engine")).toEqual(documented);
      expect(listed("sections.ts", "AGENT_DEFINITIONS", "Definition")).toEqual(documented);
    });
  });

  it("has one agent per file, each under 300 lines", () => {
    const agents = core.filter((f) => /Agent\.ts$/.test(f));
    expect(agents.length).toBe(10);
    for (const f of agents) expect(readFileSync(f, "utf8").split("\n").length, relative(root, f)).toBeLessThan(300);
  });
});
