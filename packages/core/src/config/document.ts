/**
 * A scenario file as the loader hands it to the resolver: the parsed data
 * and a way to find the line of a field. Core reads no files; the
 * scenarios package and the command line do, and pass documents in.
 */
export interface ScenarioDocument {
  /** Path shown to the user (relative where that reads better). */
  readonly file: string;
  readonly data: unknown;
  locate?(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

/** A `--set path=value` override; the value is already parsed (a number, a string with a unit, or a distribution object). */
export interface Override {
  readonly path: string;
  readonly value: unknown;
}

export const OVERRIDE_FILE = "--set";
export const OVERRIDE_ASSUMPTION = "set on the command line with --set";
