/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) without `Date`: day numbers (days since 1970-01-01, the
 * proleptic Gregorian calendar) and working days (Monday to Friday; public holidays are not modelled).
 */

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/** Day number of an ISO date or timestamp (only its date part is read). NaN when it is not a date. */
export function dayOf(iso: string): number {
  if (iso.length < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Number.NaN;
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return Number.NaN;
  return daysFromCivil(y, m, d);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoOfDay(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayOf(iso) + days);
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday. */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Working days (Monday–Friday) in [from, to], both included; 0 when to < from. */
export function workingDays(from: number, to: number): number {
  if (to < from) return 0;
  const n = to - from + 1;
  const weeks = Math.floor(n / 7);
  let count = weeks * 5;
  const rest = n - weeks * 7;
  let wd = weekday(from + weeks * 7);
  for (let i = 0; i < rest; i++) {
    if (wd < 5) count++;
    wd = wd === 6 ? 0 : wd + 1;
  }
  return count;
}

export const PERIODS = ['year', 'quarter', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** The period key of an ISO date: "2024", "2024-Q3" or "2024-07". */
export function periodKey(iso: string, period: Period): string {
  const y = iso.slice(0, 4);
  if (period === 'year') return y;
  const m = Number(iso.slice(5, 7));
  if (period === 'quarter') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${y}-${iso.slice(5, 7)}`;
}

/** The period before `key` ("2024" → "2023", "2024-Q1" → "2023-Q4", "2024-01" → "2023-12"). */
export function previousPeriod(key: string): string {
  const y = Number(key.slice(0, 4));
  if (key.length === 4) return String(y - 1);
  if (key[5] === 'Q') {
    const q = Number(key.slice(6));
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  }
  const m = Number(key.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${pad2(m - 1)}`;
}

/** Every period key from `first` to `last`, both included, in order. */
export function periodRange(first: string, last: string): string[] {
  const out: string[] = [];
  let cur = last;
  for (let guard = 0; guard < 100_000 && cur >= first; guard++) {
    out.push(cur);
    cur = previousPeriod(cur);
  }
  return out.reverse();
}
