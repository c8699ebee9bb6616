#!/usr/bin/env node
/** `pnpm docs:behaviour`: regenerates docs/behaviour.md from paired runs. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { BehaviourRunner } from "../behaviour/measureBehaviour.js";
import { BEHAVIOUR_RUNS, BEHAVIOUR_SEED, behaviourDoc } from "../docs/behaviourDoc.js";

const cwd = process.cwd();
const file = join(cwd, "docs", "behaviour.md");
writeFileSync(file, behaviourDoc(new BehaviourRunner({ runs: BEHAVIOUR_RUNS, seed: BEHAVIOUR_SEED, cwd })));
process.stdout.write(`wrote ${file}\n`);
