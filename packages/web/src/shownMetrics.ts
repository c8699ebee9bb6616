/** The metrics the playground charts and tabulates (named by the labels the engine gives them), and the years its table compares. */
export const SHOWN_METRICS = [{ id: "accelerators.domestic" }, { id: "compute.installedH100e" }, { id: "share.domestic" }] as const;

export const TABLE_YEARS = [2027, 2030, 2035] as const;
