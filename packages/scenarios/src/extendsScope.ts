import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { BUILTIN_DIR } from "./builtins.js";

/**
 * Where an `extends` path may lead: the folder of the scenario named on the
 * command line (and its subfolders) and the built-in scenarios. A scenario
 * file is data someone may have sent; confining its parents means it cannot
 * make chipsim read, and echo in an error, a file elsewhere on the machine
 * (`extends: ../../etc/passwd`). The file the user names on the command line
 * is trusted wherever it is, because the user chose it. Folders and files
 * are compared after resolving symbolic links, so a link inside the folder
 * cannot point out of it.
 */
export interface ExtendsScope {
  /** Real paths of the folders a parent may be in. */
  readonly folders: readonly string[];
}

export function extendsScope(commandLineFile: string): ExtendsScope {
  return { folders: [realOrResolved(dirname(commandLineFile)), realOrResolved(BUILTIN_DIR)] };
}

export function withinScope(path: string, scope: ExtendsScope): boolean {
  const real = realOrResolved(path);
  return scope.folders.some((folder) => {
    const rel = relative(folder, real);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  });
}

/** The real path when the file exists; otherwise the path resolved by text (so a missing file outside is still refused as outside). */
function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
