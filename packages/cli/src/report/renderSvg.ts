import type { ChartSpec } from "@chipsim/core";
import type { TopLevelSpec } from "vega-lite";
import { importModule } from "./moduleImport.js";

/**
 * A Vega-Lite specification rendered to SVG text without a browser or a
 * canvas (Vega's headless SVG renderer). Namespace attributes are dropped:
 * the SVG is embedded in HTML, which needs none, and the report then holds
 * no URL at all.
 *
 * Vega and Vega-Lite load on first use: together they cost about 0.12 s and
 * 14 MiB, which every other command (`run` above all) would pay at start-up.
 */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const [vega, { compile }] = await Promise.all([importModule<typeof import("vega")>("vega"), importModule<typeof import("vega-lite")>("vega-lite")]);
  const view = new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return svg.replace(/\s+xmlns(:xlink)?="[^"]*"/g, "");
  } finally {
    view.finalize();
  }
}

/** The same SVG as a standalone file, namespace restored. */
export function standaloneSvg(embedded: string): string {
  return `${embedded.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"')}\n`;
}
