export { fanChart, overlayChart } from "./fanChart.js";
export { bottleneckChart } from "./bottleneckChart.js";
export { tornadoChart } from "./tornadoChart.js";
export { PALETTE, type ChartSpec } from "./palette.js";
