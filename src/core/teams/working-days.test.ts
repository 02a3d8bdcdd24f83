import { describe, expect, it } from 'vitest';
import {
  availableDaysIn,
  weekdaysBetween,
  windowsCover,
  type DayWindow,
  type ProjectWindow,
} from './working-days.js';

/**
 * The cut-list algorithm availableDaysIn had before it walked the stretches without arrays: the reference
 * the results must equal as doubles (same stretches, same order of the sum).
 */
function referenceDays(windows: readonly DayWindow[], project: ProjectWindow): number {
  if (windows.length === 0) return project.workingDays;
  const cap = (d: number) => Math.min(5, Math.max(0, d));
  const spans: { start: number; end: number; cap: number }[] = [];
  for (const w of windows) {
    const start = Math.max(project.start, w.start);
    const end = Math.min(project.end, w.end);
    if (end >= start) spans.push({ start, end, cap: cap(w.daysPerWeek) });
  }
  if (spans.length === 0) return 0;
  const cuts = [...new Set(spans.flatMap((s) => [s.start, s.end + 1]))].sort((a, b) => a - b);
  let days = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k] as number;
    const to = (cuts[k + 1] as number) - 1;
    let c = 0;
    for (const s of spans) if (s.start <= from && s.end >= to && s.cap > c) c = s.cap;
    if (c > 0) days += (weekdaysBetween(from, to) * c) / 5;
  }
  return Math.min(days, project.workingDays);
}

/** The filter as it was: the windows at the minimum or more, at full capacity, through the reference. */
function referenceCovers(windows: readonly DayWindow[], project: ProjectWindow, min: number): boolean {
  if (windows.length === 0) return true;
  const enough = windows.filter((w) => w.daysPerWeek >= min).map((w) => ({ ...w, daysPerWeek: 5 }));
  if (enough.length === 0) return project.workingDays === 0;
  return referenceDays(enough, project) >= project.workingDays;
}

/** A small deterministic generator (xorshift), so that a failure reproduces. */
function rng(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

describe('availableDaysIn and windowsCover', () => {
  it('equal the cut-list reference as doubles on random overlapping windows', () => {
    const r = rng(12345);
    const capacities = [0, 1, 2, 2.5, 3, 4, 5, 7, -1, 1.3];
    let checked = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const start = 20000 + r(60);
      const project: ProjectWindow = { start, end: start + r(120), workingDays: 0 };
      project.workingDays = weekdaysBetween(project.start, project.end);
      const windows: DayWindow[] = [];
      for (let i = r(5); i > 0; i--) {
        const a = 19980 + r(200);
        windows.push({
          start: a,
          end: a + r(90) - 10,
          daysPerWeek: capacities[r(capacities.length)] as number,
        });
      }
      expect(Object.is(availableDaysIn(windows, project), referenceDays(windows, project))).toBe(true);
      const min = r(6);
      expect(windowsCover(windows, project, min)).toBe(referenceCovers(windows, project, min));
      if (windows.length > 1) checked++;
    }
    // Most trials have several windows, which is where the stretches matter.
    expect(checked).toBeGreaterThan(1000);
  });

  it('counts overlapping windows at the larger capacity, a stretch at a time', () => {
    // Mon 2024-01-01 is day 19723; two weeks of project, 10 working days.
    const project: ProjectWindow = { start: 19723, end: 19736, workingDays: 10 };
    const windows: DayWindow[] = [
      { start: 19723, end: 19729, daysPerWeek: 5 },
      { start: 19723, end: 19736, daysPerWeek: 2.5 },
    ];
    // First week in full (5 days), second at half (2.5 days).
    expect(availableDaysIn(windows, project)).toBe(7.5);
    expect(windowsCover(windows, project, 3)).toBe(false);
    expect(windowsCover(windows, project, 2)).toBe(true);
    expect(windowsCover([], project, 5)).toBe(true);
  });
});
