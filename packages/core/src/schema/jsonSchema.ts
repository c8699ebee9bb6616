import { z } from "zod";
import { DIST_FIELDS, DIST_KINDS } from "./distributionFields.js";
import { paramRegistry } from "./param.js";
import type { ParamSpec } from "./paramSpec.js";
import { scenarioSchema } from "./scenario.js";

/**
 * The scenario format as JSON Schema, for editors: completion, hover text
 * and checks while typing. Parameters are validated in code (units,
 * bounds, distribution rules); here each carries its meaning and unit and
 * refers to the shared shapes a parameter may take, defined once in $defs.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      const spec = paramRegistry.get(ctx.zodSchema as unknown as z.ZodType);
      if (!spec) return;
      const target = ctx.jsonSchema as Record<string, unknown>;
      for (const key of Object.keys(target)) delete target[key];
      target["description"] = describe(spec);
      target["$ref"] = spec.kind === "date" ? "#/$defs/dateParameter" : "#/$defs/parameter";
    },
  }) as Record<string, unknown>;
  schema["$defs"] = {
    ...(schema["$defs"] as Record<string, unknown> | undefined),
    parameter: parameterShapes([{ type: "number" }, { type: "string" }]),
    dateParameter: parameterShapes([{ type: "integer" }, { type: "string" }]),
  };
  return schema;
}

function describe(spec: ParamSpec): string {
  const unit =
    spec.kind === "quantity"
      ? ` Unit: ${spec.unit === "1" ? "dimensionless" : spec.unit}.`
      : spec.kind === "fraction"
        ? " A share in [0, 1]."
        : spec.kind === "date"
          ? " A date."
          : spec.kind === "duration"
            ? " A duration."
            : " A whole number.";
  return `${spec.description}${unit}`;
}

function parameterShapes(scalar: Record<string, unknown>[]): Record<string, unknown> {
  const provenance = { source: { type: "string" }, assumption: { type: "string" }, note: { type: "string" }, unit: { type: "string" } };
  const distributions = DIST_KINDS.map((kind) => ({
    type: "object",
    required: ["dist"],
    properties: {
      dist: { const: kind },
      ...Object.fromEntries(DIST_FIELDS[kind].map((f) => [f, kind === "choice" ? { type: "array" } : { anyOf: scalar }])),
      ...provenance,
    },
    additionalProperties: false,
  }));
  return {
    anyOf: [...scalar, { type: "object", required: ["value"], properties: { value: { anyOf: scalar }, ...provenance }, additionalProperties: false }, ...distributions],
  };
}
