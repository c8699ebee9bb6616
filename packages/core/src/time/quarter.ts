/**
 * Model time. The simulation starts at 2024Q1 and steps one quarter at a
 * time. A date is a continuous position measured in quarters from the start
 * (2024Q1 = 0, 2024Q2 = 1, 2025-11 = 7.33...), so uncertain dates move results
 * smoothly instead of in whole-quarter jumps, and quarter q covers [q, q + 1).
 */
export const START_YEAR = 2024;
export const QUARTERS_PER_YEAR = 4;

/** Position of the start of a calendar year. */
export function yearStart(year: number): number {
  return (year - START_YEAR) * QUARTERS_PER_YEAR;
}

/** Position of the start of quarter `quarter` (1-4) of `year`. */
export function quarterStart(year: number, quarter: number): number {
  return yearStart(year) + (quarter - 1);
}

/** Position of the start of month `month` (1-12) of `year`, plus a day fraction. */
export function monthStart(year: number, month: number, day = 1): number {
  const monthIndex = month - 1 + (day - 1) / daysInMonth(year, month);
  return yearStart(year) + monthIndex / 3;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar year a quarter index falls in. */
export function yearOfQuarter(q: number): number {
  return START_YEAR + Math.floor(q / QUARTERS_PER_YEAR);
}

/** Number of quarters from 2024Q1 up to and including the last quarter of `horizonYear`. */
export function quarterCount(horizonYear: number): number {
  return yearStart(horizonYear + 1);
}

/** "2026Q3" for quarter index 10. */
export function quarterLabel(q: number): string {
  return `${yearOfQuarter(q)}Q${(q % QUARTERS_PER_YEAR) + 1}`;
}

/** A position written back as a date a person reads: "2028Q2" at a quarter's start, else the month, "2028-05". */
export function formatPosition(position: number): string {
  const q = Math.round(position);
  if (Math.abs(position - q) < 1e-9) return quarterLabel(q);
  const months = Math.floor(position * 3 + 1e-9);
  const year = START_YEAR + Math.floor(months / 12);
  const month = (((months % 12) + 12) % 12) + 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** As a fractional calendar year, e.g. 2028.5 for the middle of 2028. */
export function positionToYear(position: number): number {
  return START_YEAR + position / QUARTERS_PER_YEAR;
}

/**
 * The share of quarter q that lies inside [from, to). Levers, launches and
 * retirements use this so that an event dated mid-quarter counts for the
 * part of the quarter it covers.
 */
export function coverage(q: number, from: number, to: number): number {
  const lo = Math.max(q, from);
  const hi = Math.min(q + 1, to);
  return hi > lo ? hi - lo : 0;
}
