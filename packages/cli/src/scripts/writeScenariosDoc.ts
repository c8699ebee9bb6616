#!/usr/bin/env node
/** `pnpm docs:scenarios`: regenerates docs/scenarios.md from real runs. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SCENARIOS_DOC_RUNS, SCENARIOS_DOC_SEED, scenariosDoc } from "../docs/scenariosDoc.js";

const cwd = process.cwd();
const file = join(cwd, "docs", "scenarios.md");
writeFileSync(file, scenariosDoc({ runs: SCENARIOS_DOC_RUNS, seed: SCENARIOS_DOC_SEED, cwd }));
process.stdout.write(`wrote ${file}\n`);
