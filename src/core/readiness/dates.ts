/** Calendar arithmetic on ISO dates without Date (core takes no clock): days since 1970-01-01. */
export function daysFromIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  let y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  // Howard Hinnant's days_from_civil.
  y -= mo <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const DAYS_PER_MONTH = 365.2425 / 12;

/** Months from start to end (both included); null when a date is invalid or the end precedes the start. */
export function monthsBetween(start: string, end: string): number | null {
  const a = daysFromIso(start);
  const b = daysFromIso(end);
  if (a === null || b === null || b < a) return null;
  return (b - a + 1) / DAYS_PER_MONTH;
}
