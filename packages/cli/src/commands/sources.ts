import { didYouMean, resolveScenario, type BibliographyEntry } from "@chipsim/core";
import { builtinIds, loadBibliography, loadScenarioChain, loadTargets } from "@chipsim/scenarios";
import type { CliIo } from "../io.js";
import { padTable } from "../output/format.js";
import { UsageError } from "../usageError.js";

/** `chipsim sources [ID]`: the bibliography, or one source and everything that cites it. */
export function sourcesCommand(args: { id?: string; format: "table" | "json" }, io: CliIo): number {
  const entries = loadBibliography(io.cwd);
  if (args.id === undefined) {
    if (args.format === "json") io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    else {
      const rows = [["id", "date", "publisher", "title"], ...entries.map((e) => [e.id, e.date, e.publisher, e.title])];
      io.stdout.write(`${padTable(rows, () => false)}\n`);
    }
    return 0;
  }
  const entry = entries.find((e) => e.id === args.id);
  if (!entry) {
    throw new UsageError(`sources ${args.id}: expected a bibliography id (see chipsim sources), found "${args.id}"${didYouMean(args.id, entries.map((e) => e.id))}`);
  }
  const cited = citationsOf(entry.id, io.cwd);
  if (args.format === "json") {
    io.stdout.write(`${JSON.stringify({ ...entry, citedBy: cited }, null, 2)}\n`);
    return 0;
  }
  const lines = [citation(entry), ""];
  for (const [key, value] of Object.entries(entry)) if (!["id", "title", "publisher", "date"].includes(key)) lines.push(`  ${key.padEnd(15)} ${String(value)}`);
  lines.push("", `Cited by (${cited.length}):`, ...cited.map((c) => `  ${c}`), "");
  io.stdout.write(lines.join("\n"));
  return 0;
}

/** "TokenRing AI, "Title", 2025-12 (file, part 3)". */
export function citation(e: BibliographyEntry): string {
  const where = [e.file ? `${e.file}${e.part !== undefined ? `, part ${e.part}` : ""}` : undefined, e.url].filter(Boolean).join("; ");
  return `${e.id}: ${e.publisher}, "${e.title}", ${e.date}${where ? ` (${where})` : ""}`;
}

/** Every built-in scenario parameter and target that cites a source. */
export function citationsOf(id: string, cwd: string): string[] {
  const bibliography = loadBibliography(cwd);
  const found: string[] = [];
  for (const scenario of builtinIds()) {
    const resolved = resolveScenario({ documents: loadScenarioChain(scenario, cwd), bibliography });
    for (const p of resolved.params) {
      // A child inherits its parent's parameters; count each where it is set.
      if (p.provenance.source === id && p.provenance.file === resolved.meta.files[resolved.meta.files.length - 1]) found.push(`${scenario}: ${p.path}`);
    }
  }
  for (const t of loadTargets(undefined, cwd)) if (t.source === id) found.push(`target ${t.id}`);
  return found;
}
