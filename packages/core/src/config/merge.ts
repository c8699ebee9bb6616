import type { z } from "zod";
import { childSchema, isPlainObject, paramSpecOf, pathKey } from "./schemaWalk.js";

/**
 * `extends`: a child scenario overrides its parent field by field. Objects
 * merge key by key; a parameter (a value or a distribution object) and a
 * list are replaced whole; `null` removes an inherited field (a design, a
 * trigger). `origins` records, for each path a file replaced, which file it
 * was, so an error can name the file that wrote the offending value.
 */
export class MergeOrigins {
  private readonly byPath = new Map<string, number>();

  set(path: readonly (string | number)[], fileIndex: number): void {
    const key = pathKey(path);
    // What was under a replaced subtree no longer comes from the older file.
    for (const existing of [...this.byPath.keys()]) {
      if (existing.startsWith(`${key}.`) || key === "") this.byPath.delete(existing);
    }
    this.byPath.set(key, fileIndex);
  }

  /** The file that wrote the value at `path` (the nearest recorded ancestor), or undefined. */
  fileOf(path: string): number | undefined {
    let key = path;
    for (;;) {
      const hit = this.byPath.get(key);
      if (hit !== undefined) return hit;
      const dot = key.lastIndexOf(".");
      if (dot < 0) return this.byPath.get("");
      key = key.slice(0, dot);
    }
  }
}

export function mergeDocument(
  schema: z.ZodType | undefined,
  base: unknown,
  over: unknown,
  path: (string | number)[],
  fileIndex: number,
  origins: MergeOrigins,
): unknown {
  const replace = !schema || paramSpecOf(schema) !== undefined || !isPlainObject(base) || !isPlainObject(over);
  if (replace) {
    origins.set(path, fileIndex);
    return over;
  }
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const childPath = [...path, key];
    if (value === null) {
      delete result[key];
      origins.set(childPath, fileIndex);
      continue;
    }
    result[key] = mergeDocument(childSchema(schema, key, over), base[key], value, childPath, fileIndex, origins);
  }
  return result;
}
