/**
 * Days since 1970-01-01 for calendar dates, in the two calendars Confluent's JDBC connector can
 * use (`date.calendar.system`): proleptic Gregorian (java.time, PostgreSQL itself) and Java's
 * legacy hybrid (java.util.GregorianCalendar: Julian before 1582-10-15, Gregorian from then on),
 * which is what pgjdbc's java.sql.Date/Timestamp values hold. Years are astronomical (0 = 1 BC).
 */
export type CalendarSystem = 'LEGACY' | 'PROLEPTIC_GREGORIAN';

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const JULIAN_DAY_OF_EPOCH = 2440588;

/** Proleptic Gregorian date → epoch days (H. Hinnant's days_from_civil). */
export function daysFromGregorian(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function gregorianFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/** Julian calendar date → epoch days (via the Julian day number). */
export function daysFromJulian(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083 - JULIAN_DAY_OF_EPOCH;
}

export function julianFromDays(days: number): CivilDate {
  const c = days + JULIAN_DAY_OF_EPOCH + 32082;
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return { year: d - 4800 + Math.floor(m / 10), month: m + 3 - 12 * Math.floor(m / 10), day: e - Math.floor((153 * m + 2) / 5) + 1 };
}

/** The first day of the Gregorian calendar in Java's default GregorianCalendar. */
const CUTOVER_DAYS = daysFromGregorian(1582, 10, 15);

function isBeforeCutover(year: number, month: number, day: number): boolean {
  return year < 1582 || (year === 1582 && (month < 10 || (month === 10 && day < 15)));
}

/** Epoch days of a calendar date read in the given calendar system. */
export function daysFromCivil(date: CivilDate, calendar: CalendarSystem): number {
  const { year, month, day } = date;
  return calendar === 'LEGACY' && isBeforeCutover(year, month, day) ? daysFromJulian(year, month, day) : daysFromGregorian(year, month, day);
}

/** The calendar date of epoch days in the given calendar system. */
export function civilFromDays(days: number, calendar: CalendarSystem): CivilDate {
  return calendar === 'LEGACY' && days < CUTOVER_DAYS ? julianFromDays(days) : gregorianFromDays(days);
}
