import { monthStart, QUARTERS_PER_YEAR, quarterStart, START_YEAR } from "./quarter.js";

/**
 * Dates as people write them in scenario files, turned into model positions.
 * Accepted: a year (2028 or "2028", its start), a decimal year (2029.5 is
 * mid-2029), a quarter ("2028Q3"), a month ("2025-11"), a day
 * ("2025-11-05"). A half ("2026H1") is not a point but an interval, see
 * parseDateInterval.
 */
export type DateParse = { ok: true; position: number } | { ok: false; expected: string };

export const DATE_FORMS = 'a year (2028 or 2029.5), a quarter ("2028Q3"), a month ("2025-11") or a day ("2025-11-05")';

/** The years a date may name (a bare year, or a year as text). */
export const FIRST_DATE_YEAR = 1900;
export const LAST_DATE_YEAR = 2200;

/**
 * The written forms, as regular-expression sources (without anchors; the
 * groups are what the reader takes apart), so that the JSON Schema's date
 * pattern (schema/jsonSchemaParams.ts) is the one the reader uses.
 */
export const DATE_TEXT = {
  year: "(\\d{4}(?:\\.\\d+)?)",
  quarter: "(\\d{4})\\s*-?\\s*[Qq]([1-4])",
  month: "(\\d{4})-(0[1-9]|1[0-2])",
  day: "(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])",
  half: "(\\d{4})\\s*-?\\s*[Hh]([12])",
} as const;

const whole = (source: string) => new RegExp(`^${source}$`);
const YEAR = whole(DATE_TEXT.year);
const QUARTER = whole(DATE_TEXT.quarter);
const MONTH = whole(DATE_TEXT.month);
const DAY = whole(DATE_TEXT.day);
const HALF = whole(DATE_TEXT.half);

export function parseDate(value: unknown): DateParse {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= FIRST_DATE_YEAR && value <= LAST_DATE_YEAR
      ? { ok: true, position: (value - START_YEAR) * QUARTERS_PER_YEAR }
      : { ok: false, expected: DATE_FORMS };
  }
  if (typeof value !== "string") return { ok: false, expected: DATE_FORMS };
  const s = value.trim();
  let m = YEAR.exec(s);
  if (m) return parseDate(Number(m[1]));
  m = QUARTER.exec(s);
  if (m) return { ok: true, position: quarterStart(Number(m[1]), Number(m[2])) };
  m = MONTH.exec(s);
  if (m && validMonth(m[2])) return { ok: true, position: monthStart(Number(m[1]), Number(m[2])) };
  m = DAY.exec(s);
  if (m && validMonth(m[2]) && validDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    return { ok: true, position: monthStart(Number(m[1]), Number(m[2]), Number(m[3])) };
  }
  return { ok: false, expected: DATE_FORMS };
}

/** "2026H1" -> [2026Q1, 2026Q3): the sources often date events to a half year. */
export function parseDateInterval(value: unknown): { from: number; to: number } | undefined {
  if (typeof value !== "string") return undefined;
  const m = HALF.exec(value.trim());
  if (!m) return undefined;
  const from = quarterStart(Number(m[1]), m[2] === "1" ? 1 : 3);
  return { from, to: from + 2 };
}

function validMonth(mm: string | undefined): boolean {
  const n = Number(mm);
  return n >= 1 && n <= 12;
}

function validDay(year: number, month: number, day: number): boolean {
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
