/**
 * Calendar arithmetic on ISO dates without `Date` (core is pure): civil dates to day numbers, weekdays,
 * and the days a person can give a project from their availability windows.
 */
import { civilFromDays, daysFromCivil } from '../analytics/dates.js';
import { DomainError } from '../errors.js';
import type { AvailabilityWindow } from '../model.js';

/** A working week: Monday to Friday. Capacities are in days per week, 0–5. */
export const WORKING_DAYS_PER_WEEK = 5;

/**
 * Capacity of a talent who has declared no availability window: full time over the whole project. No
 * window means "no known restriction", not "never available"; a window of 0 days per week says "away".
 */
export const DEFAULT_DAYS_PER_WEEK = 5;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (`daysFromCivil`). */
export function dayNumber(iso: string, field = 'date'): number {
  const m = ISO_DATE.exec(iso);
  if (!m)
    throw new DomainError('invalid_input', `${field}: expected an ISO date YYYY-MM-DD, got "${iso}"`, field);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31)
    throw new DomainError('invalid_input', `${field}: "${iso}" is not a calendar date`, field);
  return daysFromCivil(y, mo, d);
}

/** The ISO date (YYYY-MM-DD) of a day number: the inverse of `dayNumber` for years 0000–9999. */
export function isoDate(day: number): string {
  const { y, m, d } = civilFromDays(day);
  const pad = (x: number, n: number) => String(x).padStart(n, '0');
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Monday-to-Friday days in [from, to], both included; 0 when the range is empty. */
export function weekdaysBetween(from: number, to: number): number {
  if (to < from) return 0;
  const n = to - from + 1;
  const weeks = Math.floor(n / 7);
  let count = weeks * 5;
  const first = weekday(from + weeks * 7);
  for (let k = 0; k < n - weeks * 7; k++) if ((first + k) % 7 < 5) count++;
  return count;
}

export interface ProjectWindow {
  start: number;
  end: number;
  /** Monday-to-Friday days between start and end. */
  workingDays: number;
}

export function projectWindow(startDate: string, endDate: string): ProjectWindow {
  const start = dayNumber(startDate, 'startDate');
  const end = dayNumber(endDate, 'endDate');
  if (end < start)
    throw new DomainError('invalid_input', `endDate ${endDate} is before startDate ${startDate}`, 'endDate');
  return { start, end, workingDays: weekdaysBetween(start, end) };
}

const clampCapacity = (d: number) => Math.min(WORKING_DAYS_PER_WEEK, Math.max(0, d));

/** An availability window as day numbers (both included), capacity in days per week. */
export interface DayWindow {
  start: number;
  end: number;
  daysPerWeek: number;
}

/** Availability windows as day numbers; an invalid date is an error naming the field. */
export function dayWindows(windows: readonly AvailabilityWindow[]): DayWindow[] {
  return windows.map((w) => ({
    start: dayNumber(w.start, 'availability.start'),
    end: dayNumber(w.end, 'availability.end'),
    daysPerWeek: w.daysPerWeek,
  }));
}

/**
 * Days a talent can give the project: for every stretch of the project, the weekdays it holds times the
 * capacity declared for it (days per week / 5). Where windows overlap, the larger capacity counts, so the
 * result never exceeds the project's working days. No window at all: `defaultDaysPerWeek` over the project.
 */
export function availableDays(
  windows: readonly AvailabilityWindow[],
  project: ProjectWindow,
  defaultDaysPerWeek = DEFAULT_DAYS_PER_WEEK,
): number {
  return availableDaysIn(dayWindows(windows), project, defaultDaysPerWeek);
}

/** `availableDays` on windows already in day numbers (the matching index keeps them so). */
export function availableDaysIn(
  windows: readonly DayWindow[],
  project: ProjectWindow,
  defaultDaysPerWeek = DEFAULT_DAYS_PER_WEEK,
): number {
  if (windows.length === 0)
    return (project.workingDays * clampCapacity(defaultDaysPerWeek)) / WORKING_DAYS_PER_WEEK;
  return Math.min(spanDays(windows, project, false, 0), project.workingDays);
}

/**
 * Whether the windows at `minDaysPerWeek` or more, each counted at full capacity, cover every working day
 * of `project` (no window at all: yes). The matching filter; see `spanDays`.
 */
export function windowsCover(
  windows: readonly DayWindow[],
  project: ProjectWindow,
  minDaysPerWeek: number,
): boolean {
  return windows.length === 0 || spanDays(windows, project, true, minDaysPerWeek) >= project.workingDays;
}

/**
 * The days of `project` the windows give, before the cap at its working days: the project is cut where a
 * window (clipped to it) starts or ends, and each stretch between two cuts counts its weekdays times the
 * largest capacity of the windows over it / 5, the stretches summed in date order. With `full`, only the
 * windows at `minDaysPerWeek` or more count, each at full capacity; else every window at its own.
 *
 * The stretches are walked without building the cut list (the next cut is the least one past the current):
 * scoring calls this for every talent it scores, and windows are few, so a rescan per stretch costs less
 * than the arrays. The sum takes the same stretches in the same order as a sorted cut list would, so it is
 * the same double.
 */
function spanDays(
  windows: readonly DayWindow[],
  project: ProjectWindow,
  full: boolean,
  minDaysPerWeek: number,
): number {
  const n = windows.length;
  // The first cut: the earliest clipped start.
  let from = Infinity;
  for (let i = 0; i < n; i++) {
    const w = windows[i] as DayWindow;
    if (full && !(w.daysPerWeek >= minDaysPerWeek)) continue;
    const start = Math.max(project.start, w.start);
    if (Math.min(project.end, w.end) >= start && start < from) from = start;
  }
  let days = 0;
  while (from < Infinity) {
    let next = Infinity;
    let cap = 0;
    for (let i = 0; i < n; i++) {
      const w = windows[i] as DayWindow;
      if (full && !(w.daysPerWeek >= minDaysPerWeek)) continue;
      const start = Math.max(project.start, w.start);
      const end = Math.min(project.end, w.end);
      if (!(end >= start)) continue;
      if (start > from && start < next) next = start;
      if (end + 1 > from && end + 1 < next) next = end + 1;
    }
    if (next === Infinity) break;
    const to = next - 1;
    for (let i = 0; i < n; i++) {
      const w = windows[i] as DayWindow;
      if (full && !(w.daysPerWeek >= minDaysPerWeek)) continue;
      const start = Math.max(project.start, w.start);
      const end = Math.min(project.end, w.end);
      const c = full ? WORKING_DAYS_PER_WEEK : clampCapacity(w.daysPerWeek);
      if (end >= start && start <= from && end >= to && c > cap) cap = c;
    }
    if (cap > 0) days += (weekdaysBetween(from, to) * cap) / WORKING_DAYS_PER_WEEK;
    from = next;
  }
  return days;
}
