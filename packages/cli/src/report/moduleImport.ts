/** Where the bundle's launcher lends its import() (scripts/codeCacheLauncher.mjs). */
const LAUNCHER_IMPORT = Symbol.for("chipsim.launcherImport");

/**
 * import() for a module loaded on first use (the chart libraries). The
 * bundled command runs as a vm.Script, so that V8 can use its code cache,
 * and in Node 20 code compiled from a code cache cannot call import() (it
 * fails with "A dynamic import callback was not specified"); the launcher,
 * an ES module of its own, lends its import() instead.
 */
export function importModule<T>(specifier: string): Promise<T> {
  const lent = (globalThis as Record<symbol, unknown>)[LAUNCHER_IMPORT] as ((specifier: string) => Promise<T>) | undefined;
  return lent ? lent(specifier) : (import(specifier) as Promise<T>);
}
