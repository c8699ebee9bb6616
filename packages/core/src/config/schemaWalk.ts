import type { z } from "zod";
import { paramRegistry } from "../schema/param.js";
import type { ParamSpec } from "../schema/paramSpec.js";

/**
 * Reading the scenario schema as a map of the file: which fields exist
 * under a path, and which fields are model parameters. Used to find
 * parameters (for provenance), to merge `extends` (a parameter is replaced
 * whole, objects field by field) and to check `--set` paths.
 */
type Schema = z.ZodType;
type Def = {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  valueType?: Schema;
  element?: Schema;
  options?: Schema[];
  discriminator?: string;
};

function def(schema: Schema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strips optional/nullable/default wrappers (a parameter's own pipe is kept). */
export function unwrap(schema: Schema): Schema {
  let s = schema;
  for (;;) {
    const d = def(s);
    if ((d.type === "optional" || d.type === "nullable" || d.type === "default") && d.innerType) s = d.innerType;
    else return s;
  }
}

export function paramSpecOf(schema: Schema): ParamSpec | undefined {
  return paramRegistry.get(unwrap(schema));
}

/**
 * The schema of field `key` below `schema`, given the data at that node
 * (needed to pick the branch of a discriminated union such as a design's
 * `origin`). Undefined when the schema has no such field.
 */
export function childSchema(schema: Schema, key: string | number, data: unknown): Schema | undefined {
  const s = unwrap(schema);
  const d = def(s);
  switch (d.type) {
    case "object":
      // Own fields only: "__proto__" or "constructor" in a path is not a field.
      return typeof key === "string" && d.shape && Object.hasOwn(d.shape, key) ? d.shape[key] : undefined;
    case "record":
      return d.valueType;
    case "array":
      return d.element;
    case "union": {
      const options = d.options ?? [];
      const tag = d.discriminator && isPlainObject(data) ? data[d.discriminator] : undefined;
      for (const option of options) {
        const shape = def(unwrap(option)).shape;
        if (!shape) continue;
        if (tag !== undefined && d.discriminator) {
          const literal = shape[d.discriminator];
          const values = literal ? (def(unwrap(literal)) as Def & { values?: unknown[] }).values : undefined;
          if (!values?.includes(tag)) continue;
        }
        if (typeof key === "string" && Object.hasOwn(shape, key)) return shape[key];
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Field names of an object schema (for "expected one of ..." messages). */
export function fieldNames(schema: Schema, data: unknown): string[] {
  const s = unwrap(schema);
  const d = def(s);
  if (d.type === "object") return Object.keys(d.shape ?? {});
  if (d.type === "union") {
    const names = new Set<string>();
    for (const option of d.options ?? []) for (const k of fieldNames(option, data)) names.add(k);
    return [...names];
  }
  return [];
}

export function isRecord(schema: Schema): boolean {
  return def(unwrap(schema)).type === "record";
}

/** The schema at a path, or undefined when some segment is not a field. */
export function schemaAt(root: Schema, path: readonly (string | number)[], data: unknown): Schema | undefined {
  let schema: Schema | undefined = root;
  let node: unknown = data;
  for (const key of path) {
    if (!schema) return undefined;
    schema = childSchema(schema, key, node);
    node = isPlainObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return schema;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function pathKey(path: readonly (string | number)[]): string {
  return path.join(".");
}

/** The value at `path` in raw or parsed data (own fields only, so "constructor" is not found on every object), or undefined. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (!isPlainObject(node) && !Array.isArray(node)) return undefined;
    const container = node as Record<string, unknown>;
    if (!Object.hasOwn(container, String(key))) return undefined;
    node = container[String(key)];
  }
  return node;
}
