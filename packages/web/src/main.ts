import { H100E_NOTE, type MetricLabels, type ResolvedScenario, type Summary } from "@chipsim/core";
import { downloadText } from "./download.js";
import { renderLeverControls, type LeverChange } from "./leverControls.js";
import { LEVERS } from "./levers.js";
import { renderMediansTable } from "./mediansTable.js";
import { readState, setTexts, stateQuery, type PageState } from "./pageState.js";
import { renderResultCharts } from "./resultCharts.js";
import { BUILTIN_IDS, builtinTitle, resolveBuiltin } from "./scenarioLibrary.js";
import { editedScenarioYaml } from "./scenarioFile.js";
import { SimulationRunner } from "./simulationRunner.js";

// The page: state from the URL, levers from the scenario, two workers (the
// baseline and the edited scenario), and the results once both agree with
// what the state asks for.

interface Finished {
  readonly query: string;
  readonly summary: Summary;
  readonly labels: MetricLabels;
  readonly csv: string;
  readonly milliseconds: number;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const scenarioSelect = $<HTMLSelectElement>("scenario");
const runsInput = $<HTMLInputElement>("runs");
const seedInput = $<HTMLInputElement>("seed");
const status = $("status");
const problem = $("problem");
const progressBar = $<HTMLProgressElement>("progress");

let state: PageState = readState(location.search, BUILTIN_IDS);
let base: ResolvedScenario = resolveBuiltin(state.scenario, []);
if (state.seed === undefined && typeof base.meta.seed === "number") state = { ...state, seed: base.meta.seed };
const finished: { baseline?: Finished; edited?: Finished } = {};
let progress = { baseline: 0, edited: 0 };

const baselineQuery = (s: PageState): string => stateQuery({ ...s, sets: new Map() });
const runner = (side: "baseline" | "edited") =>
  new SimulationRunner({
    onProgress: (done, total) => {
      progress = { ...progress, [side]: done / total };
      if (side === "baseline" && state.sets.size === 0) progress.edited = progress.baseline;
      showStatus();
    },
    onResult: (reply) => {
      const query = side === "baseline" ? baselineQuery(state) : stateQuery(state);
      const result = { query, summary: reply.summary, labels: reply.labels, csv: reply.csv, milliseconds: reply.milliseconds };
      finished[side] = result;
      // With no lever set the edited scenario is the baseline: one job serves both.
      if (side === "baseline" && state.sets.size === 0) {
        finished.edited = result;
        runners.edited.warmUp({ scenario: state.scenario, sets: [], seed: state.seed });
      }
      void showResults();
    },
    onError: (message) => {
      problem.hidden = false;
      problem.textContent = message;
      status.textContent = "The scenario could not be run.";
    },
  });
const runners = { baseline: runner("baseline"), edited: runner("edited") };

function recompute(): void {
  history.replaceState(null, "", stateQuery(state));
  problem.hidden = true;
  const request = { scenario: state.scenario, seed: state.seed, runs: state.runs };
  if (runners.baseline.run({ ...request, sets: [] })) {
    progress.baseline = 0;
    delete finished.baseline;
  }
  if (state.sets.size === 0) {
    runners.edited.cancel();
    if (finished.baseline?.query === stateQuery(state)) finished.edited = finished.baseline;
    else delete finished.edited;
    progress.edited = progress.baseline;
  } else if (runners.edited.run({ ...request, sets: setTexts(state) })) {
    progress.edited = 0;
    delete finished.edited;
  }
  showStatus();
  void showResults();
}

// The live status says only that a computation started and how it ended
// (a screen reader should not read every percent); the bar shows progress.
function showStatus(): void {
  if (finished.baseline && finished.edited) return;
  progressBar.value = (progress.baseline + progress.edited) / 2;
  const text = `Computing ${state.runs.toLocaleString("en")} runs of each scenario…`;
  if (status.textContent !== text) status.textContent = text;
  document.documentElement.dataset["busy"] = "true";
}

async function showResults(): Promise<void> {
  const { baseline, edited } = finished;
  const query = stateQuery(state);
  if (!baseline || !edited || baseline.query !== baselineQuery(state) || edited.query !== query) return;
  renderMediansTable($("medians"), baseline.summary, edited.summary, edited.labels);
  await renderResultCharts($("charts"), baseline.summary, edited.summary, edited.labels);
  if (stateQuery(state) !== query) return;
  status.textContent =
    baseline === edited
      ? `${state.runs.toLocaleString("en")} runs, computed in the page in ${Math.round(baseline.milliseconds)} ms. No lever is set, so the edited scenario is the baseline.`
      : `${state.runs.toLocaleString("en")} runs each, computed in the page: baseline in ${Math.round(baseline.milliseconds)} ms, edited in ${Math.round(edited.milliseconds)} ms.`;
  progressBar.value = 1;
  const root = document.documentElement.dataset;
  root["busy"] = "false";
  root["shown"] = query;
  root["baselineMs"] = String(Math.round(baseline.milliseconds));
  root["editedMs"] = String(Math.round(edited.milliseconds));
}

function changeLever(change: LeverChange): void {
  const sets = new Map(state.sets);
  if (change.value === undefined) sets.delete(change.path);
  else sets.set(change.path, change.value);
  state = { ...state, sets };
  recompute();
}

function showScenario(): void {
  scenarioSelect.value = state.scenario;
  runsInput.value = String(state.runs);
  seedInput.value = state.seed !== undefined ? String(state.seed) : "";
  renderLeverControls($("lever-list"), LEVERS, base, state.sets, changeLever);
}

for (const id of BUILTIN_IDS) scenarioSelect.add(new Option(`${builtinTitle(id)} (${id})`, id));
scenarioSelect.addEventListener("change", () => {
  base = resolveBuiltin(scenarioSelect.value, []);
  state = { ...state, scenario: scenarioSelect.value };
  showScenario();
  recompute();
});
function applySettings(): void {
  const runs = Number(runsInput.value);
  const seed = Number(seedInput.value);
  if (Number.isInteger(runs) && runs > 0) state = { ...state, runs };
  if (seedInput.value.trim() !== "" && Number.isSafeInteger(seed)) state = { ...state, seed };
  recompute();
}
runsInput.addEventListener("change", applySettings);
seedInput.addEventListener("change", applySettings);
// Enter in a field applies it here rather than submitting the form (which would reload the page).
$<HTMLFormElement>("settings").addEventListener("submit", (event) => {
  event.preventDefault();
  applySettings();
});
$("reset-all").addEventListener("click", () => {
  state = { ...state, sets: new Map() };
  showScenario();
  recompute();
});
$("copy-link").addEventListener("click", () => {
  void navigator.clipboard?.writeText(location.href).then(
    () => (status.textContent = "Link copied."),
    () => (status.textContent = `Link: ${location.href}`),
  );
});
$("download-yaml").addEventListener("click", () => downloadText(`${state.scenario}-edited.yaml`, editedScenarioYaml(state, base), "application/yaml"));
$("download-csv").addEventListener("click", () => {
  if (finished.edited?.query === stateQuery(state)) downloadText(`${state.scenario}-edited-summary.csv`, finished.edited.csv, "text/csv");
});

// Compute is counted in H100-equivalents: said once, under the table.
$("h100e-note").textContent = H100E_NOTE;
showScenario();
recompute();
