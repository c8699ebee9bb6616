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

export function parseDate(value: unknown): DateParse {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 1900 && value <= 2200
      ? { ok: true, position: (value - START_YEAR) * QUARTERS_PER_YEAR }
      : { ok: false, expected: DATE_FORMS };
  }
  if (typeof value !== "string") return { ok: false, expected: DATE_FORMS };
  const s = value.trim();
  let m = /^(\d{4}(?:\.\d+)?)$/.exec(s);
  if (m) return parseDate(Number(m[1]));
  m = /^(\d{4})\s*-?\s*Q([1-4])$/i.exec(s);
  if (m) return { ok: true, position: quarterStart(Number(m[1]), Number(m[2])) };
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && validMonth(m[2])) return { ok: true, position: monthStart(Number(m[1]), Number(m[2])) };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m && validMonth(m[2]) && validDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    return { ok: true, position: monthStart(Number(m[1]), Number(m[2]), Number(m[3])) };
  }
  return { ok: false, expected: DATE_FORMS };
}

/** "2026H1" -> [2026Q1, 2026Q3): the sources often date events to a half year. */
export function parseDateInterval(value: unknown): { from: number; to: number } | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4})\s*-?\s*H([12])$/i.exec(value.trim());
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
