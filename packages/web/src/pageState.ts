/**
 * What is on screen, and its URL: the scenario, the overrides (as
 * `path=value`, the form `--set` takes), the seed and the runs. A link holds
 * all of it, so opening it shows the same numbers.
 */
export interface PageState {
  readonly scenario: string;
  /** Override text per parameter path, e.g. "power.connectionsPerYear" -> "2". */
  readonly sets: ReadonlyMap<string, string>;
  readonly seed: number | undefined;
  readonly runs: number;
}

export const DEFAULT_RUNS = 2000;

export function readState(search: string, knownIds: readonly string[]): PageState {
  const query = new URLSearchParams(search);
  const asked = query.get("scenario");
  const scenario = asked !== null && knownIds.includes(asked) ? asked : (knownIds[0] ?? "baseline");
  const sets = new Map<string, string>();
  for (const text of query.getAll("set")) {
    const eq = text.indexOf("=");
    if (eq > 0) sets.set(text.slice(0, eq), text.slice(eq + 1));
  }
  const seedText = query.get("seed");
  const seed = seedText !== null && /^-?\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : undefined;
  const runsText = Number(query.get("runs"));
  const runs = Number.isInteger(runsText) && runsText > 0 ? runsText : DEFAULT_RUNS;
  return { scenario, sets, seed, runs };
}

export function stateQuery(state: PageState): string {
  const query = new URLSearchParams({ scenario: state.scenario, runs: String(state.runs) });
  if (state.seed !== undefined) query.set("seed", String(state.seed));
  for (const text of setTexts(state)) query.append("set", text);
  return `?${query.toString()}`;
}

/** The overrides as `--set` arguments, in a stable order. */
export function setTexts(state: PageState): string[] {
  return [...state.sets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, value]) => `${path}=${value}`);
}
