import { closestName, ScenarioError, type ScenarioDocument } from "@chipsim/core";
import { parseScenarioText } from "./yamlDocument.js";

/**
 * A built-in scenario and its `extends` chain, parent first, from the
 * scenario texts themselves (id -> YAML) rather than from disk: the browser
 * playground bundles the built-in files at build time and resolves them
 * through here. Built-in scenarios extend built-in ids only.
 */
export function builtinChain(id: string, texts: Readonly<Record<string, string>>): ScenarioDocument[] {
  const chain: ScenarioDocument[] = [];
  const seen: string[] = [];
  let current: string | undefined = id;
  while (current !== undefined) {
    const file = `${current}.yaml`;
    const text = Object.hasOwn(texts, current) ? texts[current] : undefined;
    if (text === undefined) {
      const expected = `a built-in scenario id (${Object.keys(texts).sort().join(", ")})`;
      const suggestion = closestName(current, Object.keys(texts));
      throw new ScenarioError([
        { file: seen.length > 0 ? `${seen[seen.length - 1]}.yaml` : current, path: seen.length > 0 ? "extends" : "", expected, found: `"${current}"`, ...(suggestion !== undefined ? { suggestion } : {}) },
      ]);
    }
    if (seen.includes(current)) {
      throw new ScenarioError([{ file, path: "extends", expected: "a parent that does not lead back to this file", found: `a cycle: ${[...seen, current].join(" -> ")}` }]);
    }
    seen.push(current);
    const parsed = parseScenarioText(file, text);
    if (!parsed.ok) throw new ScenarioError(parsed.issues);
    chain.unshift(parsed.document);
    const data = parsed.document.data;
    const parent = typeof data === "object" && data !== null ? (data as Record<string, unknown>)["extends"] : undefined;
    current = typeof parent === "string" ? parent : undefined;
  }
  return chain;
}
