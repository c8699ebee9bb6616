import { scenarioJsonSchema } from "@chipsim/core";
import type { CliIo } from "../io.js";

/** `chipsim schema`: the scenario format as JSON Schema, for editors. */
export function schemaCommand(io: CliIo): number {
  io.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}
