import type { z } from "zod";
import { describeFound } from "../units/index.js";
import { fieldNames, schemaAt, valueAt } from "./schemaWalk.js";
import { closestName } from "../closestName.js";
import { movedPathIssue } from "./movedPaths.js";

/**
 * Turns the schema's issues into "expected ..., found ..." with the path
 * of the field, in the words a scenario author uses.
 */
export interface PlainIssue {
  readonly path: (string | number)[];
  readonly expected: string;
  readonly found: string;
  /** The known name closest to a misspelt one. */
  readonly suggestion?: string;
}

type RawIssue = z.core.$ZodIssue & { input?: unknown; params?: { expected?: string; found?: string; suggestion?: string } };

export function plainIssues(issues: readonly z.core.$ZodIssue[], root: z.ZodType, data: unknown): PlainIssue[] {
  const out: PlainIssue[] = [];
  for (const raw of issues as readonly RawIssue[]) {
    const path = raw.path.filter((k): k is string | number => typeof k !== "symbol");
    switch (raw.code) {
      case "custom":
        out.push({
          path,
          expected: raw.params?.expected ?? raw.message,
          found: raw.params?.found ?? describeFound(raw.input),
          ...(raw.params?.suggestion !== undefined ? { suggestion: raw.params.suggestion } : {}),
        });
        break;
      case "unrecognized_keys": {
        const schema = schemaAt(root, path, data);
        const known = schema ? fieldNames(schema, valueAt(data, path)).filter((k) => !raw.keys.includes(k)) : [];
        for (const key of raw.keys) {
          const moved = movedPathIssue([...path, key].join("."));
          if (moved) {
            out.push({ path: [...path, key], expected: moved.expected, found: moved.found, ...(moved.suggestion !== undefined ? { suggestion: moved.suggestion } : {}) });
            continue;
          }
          const suggestion = closestName(key, known);
          out.push({ path: [...path, key], expected: `one of the known fields here (${known.join(", ")})`, found: `unknown field "${key}"`, ...(suggestion !== undefined ? { suggestion } : {}) });
        }
        break;
      }
      case "invalid_type":
        out.push({
          path,
          expected: raw.input === undefined ? `this field, ${describeType(raw.expected)}` : describeType(raw.expected),
          found: describeFound(raw.input),
        });
        break;
      case "invalid_value": {
        const suggestion = typeof raw.input === "string" ? closestName(raw.input, raw.values.filter((v): v is string => typeof v === "string")) : undefined;
        out.push({ path, expected: `one of ${raw.values.map((v) => JSON.stringify(v)).join(", ")}`, found: describeFound(raw.input), ...(suggestion !== undefined ? { suggestion } : {}) });
        break;
      }
      case "invalid_union": {
        const note = (raw as { note?: string }).note;
        const discriminator = (raw as { discriminator?: string }).discriminator;
        if (!discriminator) {
          out.push({ path, expected: note ?? raw.message, found: describeFound(raw.input) });
          break;
        }
        // The tag of a discriminated union (a design's origin) is missing or unknown: zod's path may end at the tag already.
        const at = path[path.length - 1] === discriminator ? path : [...path, discriminator];
        const options = ((raw as { options?: unknown[] }).options ?? []).filter((o): o is string => typeof o === "string");
        const found = valueAt(data, at);
        const suggestion = typeof found === "string" ? closestName(found, options) : undefined;
        out.push({
          path: at,
          expected: options.length > 0 ? `one of ${options.map((o) => JSON.stringify(o)).join(", ")}` : (note ?? raw.message),
          found: describeFound(found),
          ...(suggestion !== undefined ? { suggestion } : {}),
        });
        break;
      }
      case "too_small":
        out.push({ path, expected: `at least ${String(raw.minimum)}${raw.origin === "array" ? " items" : raw.origin === "string" ? " characters" : ""}`, found: describeFound(raw.input) });
        break;
      case "too_big":
        out.push({ path, expected: `at most ${String(raw.maximum)}`, found: describeFound(raw.input) });
        break;
      case "invalid_format":
        out.push({ path, expected: raw.message.replace(/^expected /i, ""), found: describeFound(raw.input) });
        break;
      case "invalid_key":
        out.push({ path, expected: "a lower-case id of letters, digits and dashes", found: describeFound(path[path.length - 1]) });
        break;
      default:
        out.push({ path, expected: raw.message, found: describeFound(raw.input) });
    }
  }
  return out;
}

function describeType(expected: string): string {
  switch (expected) {
    case "object":
      return "a section of fields";
    case "string":
      return "text";
    case "number":
      return "a number";
    case "array":
      return "a list";
    default:
      return expected;
  }
}
