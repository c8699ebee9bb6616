import type { Location } from "./config/resolvedScenario.js";
import type { RunNaming } from "./montecarlo/runNaming.js";
/**
 * Failures that reach the user carry a fixed code that the command line
 * maps to an exit code: bad input (a scenario file, a field, a flag) exits
 * with 2, a failure while running with 1. Bugs stay plain Errors.
 */
export type ErrorCode = "BAD_INPUT" | "RUNTIME";

export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = { BAD_INPUT: 2, RUNTIME: 1 };

/** One problem in a scenario or on the command line, with where it is. */
export interface ScenarioIssue {
  /** The file (or "--set", or a flag) the problem is in. */
  readonly file: string;
  /** Dotted path to the field, e.g. "designs.ascend-910b.dieArea"; "" for the whole file. */
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  readonly line?: number;
  readonly column?: number;
  /** The known name (a field, an id, a path) a misspelt one most likely meant: shown as "did you mean ...?". */
  readonly suggestion?: string;
}

/** Reports one problem at a dotted path: what was expected there, what was found, and perhaps the name meant. */
export type IssueSink = (path: string, expected: string, found: string, suggestion?: string) => void;

/** An IssueSink that appends to `issues`, each located (file, line) by `locate`. */
export function issueSink(issues: ScenarioIssue[], locate: (path: string) => Location): IssueSink {
  return (path, expected, found, suggestion) =>
    issues.push({ ...locate(path), path, expected, found, ...(suggestion !== undefined ? { suggestion } : {}) });
}

export class ChipsimError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ChipsimError";
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

/** A scenario (or the overrides applied to it) is wrong: nothing runs, nothing is written. */
export class ScenarioError extends ChipsimError {
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super("BAD_INPUT", issues.map(formatIssue).join("\n"));
    this.name = "ScenarioError";
  }
}

/** A run produced a value that is not a finite number: the run, quarter and output say where. */
export class ModelError extends ChipsimError {
  readonly scenarioId: string;

  constructor(
    naming: RunNaming,
    readonly runIndex: number,
    readonly quarter: string,
    readonly output: string,
    readonly value: number,
  ) {
    super("RUNTIME", `scenario ${naming.scenarioId}, ${naming.run(runIndex)}, ${quarter}: ${output} is ${value}, not a finite number (${naming.reproduce(runIndex)})`);
    this.name = "ModelError";
    this.scenarioId = naming.scenarioId;
  }
}

export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.line !== undefined ? `${issue.file}:${issue.line}${issue.column !== undefined ? `:${issue.column}` : ""}` : issue.file;
  const path = issue.path === "" ? "" : ` ${issue.path}:`;
  const hint = issue.suggestion !== undefined ? `; did you mean ${oneLine(issue.suggestion)}?` : "";
  return `${oneLine(where)}${oneLine(path)} expected ${issue.expected}, found ${shorten(oneLine(issue.found))}${hint}`;
}

/** Control characters from the input (a newline in a value, a NUL) are shown escaped, so an issue stays one line. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === "\n" ? "\\n" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/** What was found, cut to a readable length: a 10,000-character value says no more than its start. */
const MAX_FOUND = 200;
function shorten(text: string): string {
  return text.length <= MAX_FOUND ? text : `${text.slice(0, MAX_FOUND)}... (${text.length} characters)`;
}
