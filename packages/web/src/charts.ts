import type { ChartSpec } from "@chipsim/core";
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

const views = new WeakMap<HTMLElement, View>();

/**
 * Draws a Vega-Lite specification from @chipsim/core's chart builders (the
 * same ones `chipsim charts` and `report` render) as SVG into an element,
 * replacing what was there.
 */
export async function drawChart(container: HTMLElement, spec: ChartSpec, description: string): Promise<void> {
  views.get(container)?.finalize();
  const view = new View(parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: "svg", container, hover: false });
  views.set(container, view);
  await view.runAsync();
  const svg = container.querySelector("svg");
  svg?.setAttribute("role", "img");
  svg?.setAttribute("aria-label", description);
}
