/**
 * What limits an accelerator's output in a quarter. For a domestic design
 * the output is the minimum of what each constraint allows; the argmin is
 * the binding constraint. `policy` applies to imports only: the export
 * licence, rejection by Chinese buyers, and the exporter's own supply.
 */
export const CONSTRAINTS = ["litho", "fab", "hbm", "packaging", "power", "demand", "policy"] as const;
export type Constraint = (typeof CONSTRAINTS)[number];

export const enum ConstraintCode {
  Litho = 0,
  Fab = 1,
  Hbm = 2,
  Packaging = 3,
  Power = 4,
  Demand = 5,
  Policy = 6,
}

/** Marks a design that did not ship in a quarter (not launched, or past end of life). */
export const INACTIVE = -1;
