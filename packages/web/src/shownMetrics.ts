/** The metrics the playground charts and tabulates, and the years its table compares. */
export const SHOWN_METRICS = [
  { id: "accelerators.domestic", label: "Domestic AI accelerators made per year" },
  { id: "compute.installedH100e", label: "Installed AI compute (H100-equivalents)" },
  { id: "share.domestic", label: "Domestic share of accelerators added" },
] as const;

export const TABLE_YEARS = [2027, 2030, 2035] as const;
