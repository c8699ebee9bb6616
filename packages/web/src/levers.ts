/**
 * The parameters the playground offers as sliders, and each slider's range.
 * What a parameter means, its unit and its source come from the scenario
 * itself (describeParam), not from here.
 */
export interface LeverSlider {
  readonly path: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export const LEVERS: readonly LeverSlider[] = [
  { path: "lithography.domesticEuv.readyYear", label: "Domestic EUV ready (year)", min: 2026, max: 2036, step: 1 },
  { path: "levers.us-hbm-ban.strength", label: "US HBM ban strength", min: 0, max: 1, step: 0.05 },
  { path: "levers.cn-import-rejection.strength", label: "H200 imports rejected (0 allowed, 1 rejected)", min: 0, max: 1, step: 0.05 },
  { path: "levers.us-foundry-ban.strength", label: "Foreign foundry ban strength", min: 0, max: 1, step: 0.05 },
  { path: "subsidies.packageTotal", label: "Subsidy package", min: 0, max: 150e9, step: 5e9 },
  { path: "power.connectionsPerYear", label: "Data-centre power connected for AI (GW a year)", min: 0, max: 15, step: 0.5 },
  { path: "nodes.n5.d0AtStart", label: "N+3 defect density at start", min: 0.05, max: 1, step: 0.01 },
  { path: "market.demandGrowth", label: "Demand growth per year", min: 0, max: 1.5, step: 0.05 },
];
