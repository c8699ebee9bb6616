import { z } from "zod";
import {
  LOGNORMAL_FORMS,
  lognormalForms,
  parameterDef,
  parameterDefName,
  parameterTypes,
  provenanceJsonSchema,
  writingHint,
  type JsonSchema,
} from "./jsonSchemaParams.js";
import { paramRegistry } from "./param.js";
import { PROVENANCE_KEYS } from "./paramSpec.js";
import { OWN_FIELDS, scenarioSchema } from "./scenario.js";

/**
 * The scenario format as JSON Schema (draft 2020-12), for editors:
 * completion, hover text and checks while typing. It is generated from the
 * zod schema the loader validates with, so the two cannot drift:
 *
 * - Sections, their fields and descriptions come from zod. Each parameter
 *   refers to a shared definition built from its ParamSpec
 *   (jsonSchemaParams.ts): a value, or an object with a distribution and
 *   provenance.
 * - A collection keyed by id (fabs, designs, nodes, HBM generations...)
 *   may carry provenance for everything in it, as the loader allows.
 * - A file that `extends` another needs only `id` and `title` (its
 *   `description` is optional): any other field may be left to the parent, and an
 *   optional one (a design, a fab, an end date) may be `null` to remove
 *   what the parent set. A file without `extends` must also have every
 *   field a complete scenario needs (`$defs.completeScenario`).
 *
 * What the loader checks across fields (units that convert, bounds of a
 * value written with a unit, ids that refer to each other, sources in the
 * bibliography) is left to `chipsim validate`.
 */
export function scenarioJsonSchema(): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const refTypes = new Map<string, string[]>();
  const generated = z.toJSONSchema(scenarioSchema, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      const spec = paramRegistry.get(ctx.zodSchema as unknown as z.ZodType);
      if (!spec) return;
      const target = ctx.jsonSchema as JsonSchema;
      for (const key of Object.keys(target)) delete target[key];
      const name = parameterDefName(spec);
      defs[name] ??= parameterDef(spec);
      const ref = `#/$defs/${name}`;
      refTypes.set(ref, parameterTypes(spec));
      target["description"] = `${spec.description} ${writingHint(spec)}`;
      target["$ref"] = ref;
    },
  }) as JsonSchema;
  const { $schema, $defs: zodDefs, ...complete } = generated;
  addRecordProvenance(complete, provenanceJsonSchema());

  const alwaysRequired: string[] = [...OWN_FIELDS];
  const overlay = requirements(complete, refTypes) as JsonSchema;
  overlay["required"] = (overlay["required"] as string[]).filter((key) => !alwaysRequired.includes(key));
  return {
    $schema,
    title: "chipsim scenario",
    description:
      "A chipsim scenario file (YAML or JSON). With `extends`, only what changes from the parent; without it, a complete scenario. `chipsim validate FILE` checks what a schema cannot (units, bounds, cross-references, sources).",
    ...partial(complete),
    required: alwaysRequired,
    if: { properties: { extends: false } },
    then: { $ref: "#/$defs/completeScenario" },
    $defs: {
      ...(zodDefs as Record<string, JsonSchema> | undefined),
      ...sortedByKey(defs),
      [LOGNORMAL_FORMS]: lognormalForms(),
      completeScenario: {
        description: "What a scenario without `extends` must have besides: every section, and every field of every section.",
        ...overlay,
      },
    },
  };
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

const isSchema = (value: unknown): value is JsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);

/** A collection keyed by id: an object whose fields are all one schema. */
function isRecord(node: JsonSchema): boolean {
  return node["type"] === "object" && isSchema(node["additionalProperties"]);
}

function isObject(node: JsonSchema): boolean {
  return node["type"] === "object" && isSchema(node["properties"]) && !isRecord(node);
}

/** A union of objects told apart by one field's constant (a design's `origin`). */
function discriminatedUnion(node: JsonSchema): { key: string; values: unknown[]; options: JsonSchema[] } | undefined {
  const options = node["oneOf"];
  if (!Array.isArray(options) || !options.every((o) => isSchema(o) && isObject(o))) return undefined;
  const first = (options[0] as JsonSchema)["properties"] as Record<string, JsonSchema>;
  const key = Object.keys(first).find((k) =>
    (options as JsonSchema[]).every((o) => {
      const p = (o["properties"] as Record<string, JsonSchema>)[k];
      return p !== undefined && "const" in p && ((o["required"] as string[] | undefined) ?? []).includes(k);
    }),
  );
  if (key === undefined) return undefined;
  const values = (options as JsonSchema[]).map((o) => ((o["properties"] as Record<string, JsonSchema>)[key] as JsonSchema)["const"]);
  return { key, values, options: options as JsonSchema[] };
}

/**
 * The loader reads `source`, `assumption`, `claim` and `note` on a
 * collection keyed by id as provenance for everything in it, never as an
 * id (resolveScenario.ts, stripRecordProvenance): so the schema lists them
 * beside the ids.
 */
function addRecordProvenance(node: JsonSchema, provenance: Record<string, JsonSchema>): void {
  if (isRecord(node)) {
    node["properties"] = { ...provenance, ...(node["properties"] as Record<string, JsonSchema> | undefined) };
    const names = node["propertyNames"];
    if (isSchema(names) && Array.isArray(names["enum"])) names["enum"] = [...names["enum"], ...PROVENANCE_KEYS];
    else if (isSchema(names) && typeof names["pattern"] === "string") {
      const pattern = new RegExp(names["pattern"], "u");
      if (!PROVENANCE_KEYS.every((k) => pattern.test(k))) node["propertyNames"] = { anyOf: [names, { enum: [...PROVENANCE_KEYS] }] };
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && isSchema(value)) {
      for (const child of Object.values(value)) if (isSchema(child)) addRecordProvenance(child, provenance);
    } else if (Array.isArray(value)) {
      for (const child of value) if (isSchema(child)) addRecordProvenance(child, provenance);
    } else if ((key === "additionalProperties" || key === "items") && isSchema(value)) {
      addRecordProvenance(value, provenance);
    }
  }
}

/**
 * Fields that may not be null even where optional: provenance is read as
 * given, `extends` names a parent, and each file's own `bibliography` is
 * read before anything is merged.
 */
const neverNull = (key: string) => (PROVENANCE_KEYS as readonly string[]).includes(key) || key === "extends" || key === "bibliography";

/**
 * The shape of a file that extends another: no field is required, and an
 * optional field or an entry of a collection may be null (removing what
 * the parent set). A parameter and a list are replaced whole, so what is
 * inside them is as in a complete scenario.
 */
function partial(node: JsonSchema): JsonSchema {
  const union = discriminatedUnion(node);
  if (union) {
    const { key, values } = union;
    const variants = union.options.map(partial);
    const { oneOf: _, ...rest } = node;
    return {
      ...rest,
      type: "object",
      properties: { [key]: { enum: values } },
      allOf: [
        ...values.map((value, i) => ({ if: { type: "object", properties: { [key]: { const: value } }, required: [key] }, then: variants[i] })),
        // Without the tag (a change to an inherited entry) either shape may apply.
        { if: { type: "object", properties: { [key]: false } }, then: { anyOf: variants } },
      ],
    };
  }
  if (isRecord(node)) return { ...node, additionalProperties: nullable(partial(node["additionalProperties"] as JsonSchema)) };
  if (isObject(node)) {
    const required = new Set((node["required"] as string[] | undefined) ?? []);
    const { required: _, ...rest } = node;
    const properties = Object.fromEntries(
      Object.entries(node["properties"] as Record<string, JsonSchema>).map(([key, child]) => {
        const shape = partial(child);
        return [key, required.has(key) || neverNull(key) ? shape : nullable(shape)];
      }),
    );
    return { ...rest, properties };
  }
  return node;
}

const NULL_REMOVES = { type: "null", description: "null: remove what the parent scenario sets here." };

function nullable(node: JsonSchema): JsonSchema {
  const { description, ...rest } = node;
  const described = description !== undefined ? { description } : {};
  if (typeof rest["$ref"] === "string" || rest["type"] === undefined) return { ...described, anyOf: [rest, NULL_REMOVES] };
  const types = Array.isArray(rest["type"]) ? (rest["type"] as string[]) : [rest["type"] as string];
  const out: JsonSchema = { ...described, ...rest, type: [...types, "null"] };
  if (Array.isArray(out["enum"])) out["enum"] = [...(out["enum"] as unknown[]), null];
  if ("const" in out) {
    out["enum"] = [out["const"], null];
    delete out["const"];
  }
  return out;
}

/**
 * What a complete scenario needs beyond the shape `partial` gives: the
 * required fields at every level, and no nulls.
 */
function requirements(node: JsonSchema, refTypes: ReadonlyMap<string, string[]>): JsonSchema | true {
  const union = discriminatedUnion(node);
  if (union) {
    const { key, values } = union;
    return {
      type: "object",
      properties: { [key]: true },
      required: [key],
      allOf: values.map((value, i) => ({
        if: { properties: { [key]: { const: value } }, required: [key] },
        then: requirements(union.options[i] as JsonSchema, refTypes),
      })),
    };
  }
  if (isRecord(node)) {
    const entry = node["additionalProperties"] as JsonSchema;
    return {
      type: "object",
      properties: Object.fromEntries(Object.keys((node["properties"] as JsonSchema | undefined) ?? {}).map((k) => [k, true])),
      additionalProperties: both(nonNull(entry, refTypes), requirements(entry, refTypes)),
    };
  }
  if (isObject(node)) {
    const required = (node["required"] as string[] | undefined) ?? [];
    const properties = Object.fromEntries(
      Object.entries(node["properties"] as Record<string, JsonSchema>).map(([key, child]) => {
        const inner = requirements(child, refTypes);
        return [key, required.includes(key) || neverNull(key) ? inner : both(nonNull(child, refTypes), inner)];
      }),
    );
    return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
  }
  return true;
}

/** The node's own types, without the null `partial` allows. */
function nonNull(node: JsonSchema, refTypes: ReadonlyMap<string, string[]>): JsonSchema {
  const ref = node["$ref"];
  if (typeof ref === "string" && refTypes.has(ref)) return { type: refTypes.get(ref) };
  if (node["type"] !== undefined) return { type: node["type"] };
  if (discriminatedUnion(node)) return { type: "object" };
  return { not: { type: "null" } };
}

function both(a: JsonSchema, b: JsonSchema | true): JsonSchema {
  return b === true ? a : { ...b, ...a };
}
