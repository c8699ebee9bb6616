// Bundles the command line into packages/cli/dist/bundle/, which `chipsim`,
// `pnpm chipsim` and the container run (and the benchmark's child process,
// benchChild.js, so that it times the same). Runs after `tsc -b` (pnpm build).
//
// - chipsim.body.cjs holds the whole command: Node reads one file instead of
//   about 470 modules (the command's own, zod, yargs, yaml, mathjs), which
//   took start-up from about 0.33 s to 0.17 s on the benchmark machine.
// - chipsim.js launches it through V8's code cache, chipsim.code-cache: the
//   bytecode a training run of `chipsim run baseline` compiled, made here
//   (scripts/codeCacheLauncher.mjs says how and why).
// - Each worker thread's script is a bundle too (sliceWorker.cjs,
//   pointWorker.cjs, sweepWorker.cjs), and a bundled command starts those:
//   with the scenario read from the cache, a worker's loading is no longer
//   hidden behind the main thread's reading of the scenario.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile, writeFile, chmod } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = resolve(root, "packages/cli/dist");
const outdir = resolve(cli, "bundle");

/**
 * Modules find files beside themselves (a package's scenarios, its
 * package.json, the worker scripts) through import.meta.url, which in a
 * bundle would be the bundle's. Each module's import.meta.url is rewritten
 * to its own file's URL, relative to the bundle (`bundleUrl`, an expression
 * for the bundle's own URL), so the bundle works wherever the checkout is.
 */
/**
 * @param {string} bundleUrl
 * @returns {import("esbuild").Plugin}
 */
const ownUrls = (bundleUrl) => ({
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.(js|mjs)$/ }, async (args) => {
      const contents = await readFile(args.path, "utf8");
      if (!contents.includes("import.meta.url")) return undefined;
      const fromBundle = relative(outdir, args.path).split("\\").join("/");
      const own = `new URL(${JSON.stringify(fromBundle)}, ${bundleUrl}).href`;
      return { contents: contents.replaceAll("import.meta.url", own), loader: "js", resolveDir: dirname(args.path) };
    });
  },
});

/** @type {import("esbuild").BuildOptions} */
const common = {
  outdir,
  bundle: true,
  platform: "node",
  target: "node20",
  // The chart libraries load only when a chart is drawn (renderSvg.ts): kept out, they load from node_modules then.
  external: ["vega", "vega-lite"],
  logLevel: "warning",
  // moduleImport.ts imports what it is asked for: the launcher's import() in the bundle.
  logOverride: { "unsupported-dynamic-import": "silent" },
  legalComments: "none",
};

// The commands, as CommonJS for the launcher's vm.Script; and the worker
// threads' scripts, as CommonJS too. esbuild writes a module's top-level
// const as var; in an ES module V8 must then treat those constants as
// variables, and in the engine's arithmetic (fdlibm.ts) that made a worker's
// run loop allocate about 8 KB a run, where the same code in a CommonJS
// wrapper, whose variables V8 sees are assigned once, allocates none.
// CHIPSIM_BUNDLE_URL tells the code it runs bundled, and from which file
// (bundled.ts): the scenario cache keys its entries by that file's hash, and
// worker threads start from the scripts beside it.
const entryPoints = {
  "chipsim.body": resolve(cli, "commandMain.js"),
  "benchChild.body": resolve(cli, "bench/benchChild.js"),
  sliceWorker: resolve(cli, "parallel/sliceWorker.js"),
  pointWorker: resolve(cli, "parallel/pointWorker.js"),
  sweepWorker: resolve(cli, "parallel/sweepWorker.js"),
};
await build({
  ...common,
  entryPoints,
  outExtension: { ".js": ".cjs" },
  format: "cjs",
  banner: { js: 'var CHIPSIM_BUNDLE_URL = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [ownUrls("CHIPSIM_BUNDLE_URL")],
});

// A dynamic import() of a bundled module makes esbuild wrap every module it
// reaches in a lazy initialiser (__esm), shared ones too: module constants
// become variables assigned at first use, and the model's run loop, whose
// arithmetic reads them, then allocated about 8 KB a run (fdlibm.ts's
// constants) and ran about 10% slower. Refuse such a bundle.
for (const name of Object.keys(entryPoints).map((entry) => `${entry}.cjs`)) {
  if (readFileSync(resolve(outdir, name), "utf8").includes("__esm(")) {
    throw new Error(`${name}: esbuild wrapped modules in lazy initialisers (__esm), which slows the run loop; import statically instead of with import()`);
  }
}

// The launchers. chipsim.js is the installed command: it has bin.ts's shebang, with the flags chipsim runs with.
const { NODE_FLAGS } = await import(pathToFileURL(resolve(cli, "nodeFlags.js")).href);
const shebang = `#!/usr/bin/env -S node ${NODE_FLAGS.join(" ")}`;
const template = readFileSync(resolve(root, "scripts/codeCacheLauncher.mjs"), "utf8");
for (const name of ["chipsim", "benchChild"]) {
  const launcher = resolve(outdir, `${name}.js`);
  await writeFile(launcher, `${name === "chipsim" ? `${shebang}\n` : ""}${template.replace('"__NAME__"', JSON.stringify(name))}`);
  await chmod(launcher, 0o755);
  // The training run: one baseline run, with the flags chipsim runs with (V8 refuses a cache made under
  // other flags), no scenario cache (so that reading a scenario is compiled too) and nothing printed.
  execFileSync(process.execPath, [...NODE_FLAGS, launcher, "run", "baseline", "--runs", "200", "--quiet"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CHIPSIM_WRITE_CODE_CACHE: "1", CHIPSIM_CACHE_DIR: "off" },
  });
}
