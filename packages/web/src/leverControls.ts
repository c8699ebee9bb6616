import { describeParam, linkableUrl, type ParamDescription, type ResolvedScenario } from "@chipsim/core";
import type { LeverSlider } from "./levers.js";
import { formatValue } from "./format.js";

export interface LeverChange {
  readonly path: string;
  /** The override as `--set` reads it (`0.1`, `3e10 USD`, `2031`), or undefined to drop it. */
  readonly value: string | undefined;
}

/**
 * One slider per lever: its label tied to the input, its unit and range
 * beside it, and on hover or focus the parameter's description, the
 * scenario's own distribution and the source or assumption behind it, all
 * read from the resolved scenario and its bibliography. The help opens
 * beside the lever (style.css), and Escape closes it until the pointer or
 * the focus leaves that lever.
 */
export function renderLeverControls(
  host: HTMLElement,
  levers: readonly LeverSlider[],
  scenario: ResolvedScenario,
  sets: ReadonlyMap<string, string>,
  onChange: (change: LeverChange) => void,
): void {
  closeHelpOnEscape(host.ownerDocument);
  host.replaceChildren();
  for (const lever of levers) {
    const param = scenario.params.find((p) => p.path === lever.path);
    if (!param) continue;
    host.append(leverControl(lever, describeParam(param), scenario, sets.get(lever.path), onChange));
  }
}

function leverControl(lever: LeverSlider, d: ParamDescription, scenario: ResolvedScenario, setText: string | undefined, onChange: (change: LeverChange) => void): HTMLElement {
  const id = `lever-${lever.path.replace(/[^a-zA-Z0-9]+/g, "-")}`;
  const unit = d.kind === "date" ? "year" : d.unit;
  const shownUnit = d.kind === "fraction" || unit === "" ? "" : unit;
  const box = element("div", { class: "lever" });
  box.dataset["path"] = lever.path;

  const label = element("label", { for: id }, lever.label);
  const input = element("input", { id, type: "range", min: String(lever.min), max: String(lever.max), step: String(lever.step), "aria-describedby": `${id}-range ${id}-help` });
  const output = element("output", { for: id, id: `${id}-value` });
  const reset = element("button", { type: "button", class: "reset", "aria-label": `Reset ${lever.label} to the scenario's distribution` }, "reset");
  const show = (value: number): string => (d.kind === "date" ? String(value) : formatValue(value, shownUnit));
  const range = element("p", { class: "range", id: `${id}-range` }, `Range ${show(lever.min)} to ${show(lever.max)}${shownUnit !== "" ? `; unit: ${shownUnit}` : d.kind === "fraction" ? "; a fraction (0 to 1)" : ""}`);
  const help = element("div", { class: "help", id: `${id}-help`, role: "tooltip" });
  help.append(element("p", {}, d.description), element("p", {}, `In ${scenario.meta.id}: ${d.distribution} (P5 ${d.p5}, median ${d.p50}, P95 ${d.p95}${shownUnit !== "" ? ` ${shownUnit}` : ""}).`));
  help.append(provenance(d, scenario));

  const setValue = (value: number, overridden: boolean): void => {
    input.value = String(value);
    output.value = overridden ? show(value) : `scenario's distribution (median ${d.kind === "date" ? String(d.p50) : formatValue(Number(d.p50), shownUnit)})`;
    box.classList.toggle("overridden", overridden);
    reset.disabled = !overridden;
  };
  const fromSet = setText !== undefined ? Number.parseFloat(setText) : Number.NaN;
  setValue(Number.isFinite(fromSet) ? fromSet : medianOf(d), setText !== undefined);

  input.addEventListener("input", () => {
    const value = Number(input.value);
    setValue(value, true);
    onChange({ path: lever.path, value: overrideText(value, d) });
  });
  reset.addEventListener("click", () => {
    setValue(medianOf(d), false);
    onChange({ path: lever.path, value: undefined });
  });
  box.append(label, input, output, reset, range, help);
  const reopenHelp = (): void => box.classList.remove("help-closed");
  box.addEventListener("mouseleave", reopenHelp);
  box.addEventListener("focusout", (event) => {
    if (!(event.relatedTarget instanceof Node && box.contains(event.relatedTarget))) reopenHelp();
  });
  return box;
}

const listening = new WeakSet<Document>();

/** Escape closes the help that hover or focus opened, without moving either (WCAG 1.4.13). */
function closeHelpOnEscape(doc: Document): void {
  if (listening.has(doc)) return;
  listening.add(doc);
  doc.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const lever of doc.querySelectorAll<HTMLElement>(".lever:hover, .lever:focus-within")) lever.classList.add("help-closed");
  });
}

/** The override text `--set` and a scenario file accept: dates as a year, quantities with their unit. */
function overrideText(value: number, d: ParamDescription): string {
  const number = String(Number(value.toPrecision(12)));
  if (d.kind === "date" || d.kind === "fraction" || d.unit === "" || d.unit === "1") return number;
  return `${number} ${d.unit}`;
}

/** Where the slider rests while the lever is not set: the scenario's median (a date's year). */
function medianOf(d: ParamDescription): number {
  return d.kind === "date" ? Number.parseInt(String(d.p50).slice(0, 4), 10) : Number(d.p50);
}

function provenance(d: ParamDescription, scenario: ResolvedScenario): HTMLElement {
  const p = element("p", { class: "source" });
  const entry = d.source !== undefined ? scenario.bibliography.get(d.source) : undefined;
  if (entry) {
    p.append("Source: ");
    const title = `${entry.publisher}, “${entry.title}” (${entry.date})`;
    // Only a whole address becomes a link; one the bibliography shortened ("…") would lead nowhere.
    const href = linkableUrl(entry.url);
    if (href !== undefined) p.append(element("a", { href, target: "_blank", rel: "noopener" }, title));
    else p.append(entry.url !== undefined ? `${title}, cited as ${entry.url}` : title);
    p.append(` [${entry.id}]`);
    if (d.claim !== undefined) p.append(`. ${d.claim}`);
  } else if (d.assumption !== undefined) {
    p.append(`Assumption: ${d.assumption}`);
  }
  if (d.note !== undefined) p.append(element("br"), `Note: ${d.note}`);
  return p;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
