import { compileModel } from "@chipsim/core";
import type { CliIo } from "../io.js";
import { loadResolved } from "../scenarioInput.js";

/** `chipsim validate FILE`: everything `run` checks, without running. */
export function validateCommand(args: { file: string; set?: readonly string[] }, io: CliIo): number {
  const scenario = loadResolved(args.file, args.set, io.cwd);
  const model = compileModel(scenario);
  const sources = new Set(scenario.params.map((p) => p.provenance.source).filter((s) => s !== undefined));
  io.stdout.write(
    `ok: ${scenario.meta.id} (${scenario.meta.files.join(" <- ")}): ${model.table.size} parameters, ${sources.size} sources cited, horizon ${scenario.meta.horizon}\n`,
  );
  return 0;
}
