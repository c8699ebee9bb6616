import { QUARTERS_PER_YEAR } from "../../time/index.js";

/** Months in a quarter: capacity in wafer starts per month (wpm) runs three of them. */
const MONTHS_PER_QUARTER = 3;

/** A rate per year as a rate per quarter. */
export function perQuarter(perYear: number): number {
  return perYear / QUARTERS_PER_YEAR;
}

/** Wafer starts in a quarter from capacity in wafer starts per month. */
export function wafersPerQuarter(wpm: number): number {
  return wpm * MONTHS_PER_QUARTER;
}
