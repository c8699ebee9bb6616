import { resolveScenario, type BibliographyEntry, type Override, type ResolvedScenario } from "@chipsim/core";
import { builtinChain, parseBibliography, parseOverrideText, parseScenarioText } from "@chipsim/scenarios/browser";
import bibliographyText from "../../scenarios/bibliography.yaml?raw";

/**
 * The built-in scenarios and the bibliography, bundled as text when the page
 * is built from the same files the command line reads, and resolved by the
 * same code (builtinChain, resolveScenario).
 */
const files = import.meta.glob<string>("../../scenarios/scenarios/*.yaml", { query: "?raw", import: "default", eager: true });

export const SCENARIO_TEXTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf("/") + 1, -".yaml".length), text]),
);

/** Built-in ids, the baseline first (as `chipsim list` orders them). */
export const BUILTIN_IDS: readonly string[] = Object.keys(SCENARIO_TEXTS).sort((a, b) => (a === "baseline" ? -1 : b === "baseline" ? 1 : a.localeCompare(b)));

/** A built-in's title (its `title` field), for the picker; the id when the text has none. */
export function builtinTitle(id: string): string {
  const parsed = parseScenarioText(`${id}.yaml`, SCENARIO_TEXTS[id] ?? "");
  const data = parsed.ok ? (parsed.document.data as { title?: unknown }) : undefined;
  return typeof data?.title === "string" ? data.title : id;
}

let bibliography: BibliographyEntry[] | undefined;

export function builtinBibliography(): BibliographyEntry[] {
  if (!bibliography) {
    const parsed = parseScenarioText("bibliography.yaml", bibliographyText);
    if (!parsed.ok) throw new Error(`bibliography.yaml: ${parsed.issues.map((i) => i.found).join("; ")}`);
    bibliography = parseBibliography(parsed.document);
  }
  return bibliography;
}

/** `path=value` texts, as in the URL and on the command line, to overrides. */
export function parseOverrides(sets: readonly string[]): Override[] {
  return sets.map((text) => {
    const parsed = parseOverrideText(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.override;
  });
}

/** A built-in scenario with overrides applied: what `chipsim run ID --set ...` resolves. */
export function resolveBuiltin(id: string, sets: readonly string[]): ResolvedScenario {
  return resolveScenario({ documents: builtinChain(id, SCENARIO_TEXTS), overrides: parseOverrides(sets), bibliography: builtinBibliography() });
}
