export {
  START_YEAR,
  QUARTERS_PER_YEAR,
  yearStart,
  quarterStart,
  monthStart,
  yearOfQuarter,
  quarterCount,
  quarterLabel,
  formatPosition,
  positionToYear,
  coverage,
} from "./quarter.js";
export { parseDate, parseDateInterval, DATE_FORMS, type DateParse } from "./parseDate.js";
