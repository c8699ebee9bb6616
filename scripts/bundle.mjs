// Bundles the command line into one file, packages/cli/dist/bundle/chipsim.js,
// which `chipsim`, `pnpm chipsim` and the container run (and the benchmark's
// child process into benchChild.js beside it, so that it times the same). Node then reads and
// compiles one file instead of about 470 (the command's own modules, zod,
// yargs, yaml, mathjs): start-up falls from about 0.33 s to 0.17 s on the
// benchmark machine, for every command. Runs after `tsc -b` (pnpm build).
//
// Each worker thread's script is bundled too (sliceWorker.js, pointWorker.js,
// sweepWorker.js beside chipsim.js), and a bundled command starts those:
// with the scenario read from the cache, a worker's loading is no longer
// hidden behind the main thread's reading of the scenario.
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = resolve(root, "packages/cli/dist");
const outdir = resolve(cli, "bundle");

/**
 * Modules find files beside themselves (a package's scenarios, its
 * package.json, the worker scripts) through import.meta.url, which in a
 * bundle would be the bundle's. Each module's import.meta.url is rewritten
 * to its own file's URL, relative to the bundle, so the bundle works
 * wherever the checkout is.
 */
/** @type {import("esbuild").Plugin} */
const ownUrls = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.(js|mjs)$/ }, async (args) => {
      const contents = await readFile(args.path, "utf8");
      if (!contents.includes("import.meta.url")) return undefined;
      const fromBundle = relative(outdir, args.path).split("\\").join("/");
      const own = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: contents.replaceAll("import.meta.url", own), loader: "js", resolveDir: dirname(args.path) };
    });
  },
};

await build({
  entryPoints: {
    chipsim: resolve(cli, "bin.js"),
    benchChild: resolve(cli, "bench/benchChild.js"),
    // The worker threads' scripts: a bundled command starts these (parallel/sharedWork.ts).
    sliceWorker: resolve(cli, "parallel/sliceWorker.js"),
    pointWorker: resolve(cli, "parallel/pointWorker.js"),
    sweepWorker: resolve(cli, "parallel/sweepWorker.js"),
  },
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // The chart libraries load only when a chart is drawn (renderSvg.ts): kept out, they load from node_modules then.
  external: ["vega", "vega-lite"],
  // Bundled CommonJS modules (mathjs, seedrandom, ...) call require(): give the ES module one.
  // CHIPSIM_BUNDLE_URL tells the code it runs bundled, and from which file:
  // the scenario cache keys its entries by that file's hash (scenarioCache.ts).
  banner: {
    js: 'import { createRequire as createRequireForBundle } from "node:module";\nconst require = createRequireForBundle(import.meta.url);\nconst CHIPSIM_BUNDLE_URL = import.meta.url;',
  },
  plugins: [ownUrls],
  logLevel: "warning",
  legalComments: "none",
});
