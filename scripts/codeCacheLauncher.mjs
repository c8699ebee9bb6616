// Launcher of a bundled command (written by scripts/bundle.mjs as
// packages/cli/dist/bundle/NAME.js, with NAME.body.cjs and NAME.code-cache
// beside it). It runs the bundle's code through V8's code cache: the
// bytecode of every function that a training run of the command compiled
// (`pnpm build` runs `chipsim run baseline` once to make it), so that a
// command compiles almost nothing before it starts work. Node 20 has no
// compile cache for ES modules, so the bundle is CommonJS and runs as a
// vm.Script, which takes cached data; Node 22's module.enableCompileCache
// would replace this file.
//
// V8 checks that cached data fits its version and flags, but of the source
// only its length: the cache therefore starts with the SHA-256 of the body
// it was made from, and is used only for that body (about 2 ms to hash).
// A missing, stale or rejected cache only means compiling as usual.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const NAME = "__NAME__";
const here = dirname(fileURLToPath(import.meta.url));
const bodyFile = join(here, `${NAME}.body.cjs`);
const cacheFile = join(here, `${NAME}.code-cache`);
const source = readFileSync(bodyFile, "utf8");
const hash = createHash("sha256").update(source).digest();

let cachedData;
try {
  const cache = readFileSync(cacheFile);
  if (cache.subarray(0, hash.length).equals(hash)) cachedData = cache.subarray(hash.length);
} catch {
  // No cache: compile as usual.
}

// Code compiled from a code cache cannot call import() in Node 20, so this
// module lends its own to the body's modules loaded on first use (the
// chart libraries: packages/cli/src/report/moduleImport.ts).
/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for("chipsim.launcherImport")] = (/** @type {string} */ specifier) => import(specifier);

// The CommonJS wrapper on the body's first line, so that line numbers in stack traces are the file's.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bodyFile,
  cachedData,
});
if (process.env.CHIPSIM_CODE_CACHE_REPORT === "1") {
  process.stderr.write(`code cache: ${cachedData === undefined ? "none" : script.cachedDataRejected ? "rejected" : "used"}\n`);
}
/** @type {{ exports: { main?: () => Promise<number> } }} */
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bodyFile), module, bodyFile, here);
if (!module.exports.main) throw new Error(`${bodyFile} exports no main`);
process.exitCode = await module.exports.main();

// The training run of `pnpm build`: the bytecode of everything the command compiled, after the command.
if (process.env.CHIPSIM_WRITE_CODE_CACHE === "1") {
  const partial = `${cacheFile}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.concat([hash, script.createCachedData()]));
  renameSync(partial, cacheFile);
}
