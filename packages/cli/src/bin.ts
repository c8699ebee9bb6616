#!/usr/bin/env -S node --max-semi-space-size=1
import { main } from "./commandMain.js";

process.exitCode = await main();
