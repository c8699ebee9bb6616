import { builtinIds, builtinPath, readDocument } from "@chipsim/scenarios";
import type { CliIo } from "../io.js";
import { padTable } from "../output/format.js";

/** `chipsim list`: the built-in scenarios with their titles and questions. */
export function listCommand(io: CliIo): number {
  const rows: string[][] = [["id", "title", "question"]];
  for (const id of builtinIds()) {
    const path = builtinPath(id);
    if (!path) continue;
    const data = readDocument(path, `${id}.yaml`).data as Record<string, unknown>;
    rows.push([id, String(data["title"] ?? ""), String(data["question"] ?? "")]);
  }
  io.stdout.write(`${padTable(rows, () => false)}\n`);
  return 0;
}
