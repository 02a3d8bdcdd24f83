import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { auc } from './auc.js';
import {
  calibrate,
  foldOf,
  MIN_OUTCOMES,
  outcomeLabel,
  weightedScore,
  weightsFromCoefficients,
  type OutcomeSample,
} from './calibrate.js';
import { DEFAULT_READINESS_WEIGHTS } from './factors.js';
import { fitLogistic, sigmoid, solveLinear } from './logistic.js';
import { FACTOR_IDS } from './types.js';

describe('auc', () => {
  it('matches a hand-checked case', () => {
    // Pairs (positive, negative): (0.35, 0.1) ✓, (0.35, 0.4) ✗, (0.8, 0.1) ✓, (0.8, 0.4) ✓ → 3/4.
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('counts ties as one half', () => {
    // (1 vs 1) tie ½, (1 vs 0) ✓, (2 vs 1) ✓, (2 vs 0) ✓ → 3.5/4.
    expect(auc([1, 1, 2, 0], [1, 0, 1, 0])).toBe(0.875);
    expect(auc([3, 3, 3, 3], [1, 0, 1, 0])).toBe(0.5);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, null with one class', () => {
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    expect(auc([1, 2], [1, 1])).toBeNull();
    expect(auc([], [])).toBeNull();
  });

  it('agrees with counting pairs on random data with many ties', () => {
    const rng = createRng(3);
    const scores = Array.from({ length: 300 }, () => rng.int(0, 10));
    const labels = scores.map(() => (rng.chance(0.4) ? 1 : 0));
    let wins = 0;
    let pairs = 0;
    scores.forEach((s, i) =>
      scores.forEach((t, j) => {
        if (labels[i] !== 1 || labels[j] !== 0) return;
        pairs++;
        wins += s > t ? 1 : s === t ? 0.5 : 0;
      }),
    );
    expect(auc(scores, labels)).toBeCloseTo(wins / pairs, 12);
  });
});

describe('logistic regression (IRLS)', () => {
  it('solves a linear system', () => {
    const x = solveLinear(
      [
        [2, 1, -1],
        [-3, -1, 2],
        [-2, 1, 2],
      ],
      [8, -11, -3],
    );
    expect(x.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([2, 3, -1]);
  });

  it('recovers known weights from synthetic data drawn with a seeded RNG', () => {
    const rng = createRng(42);
    const truth = [2, 1.5, 0, 1, 0.5, -1, 3];
    const intercept = -3;
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = truth.map(() => rng.next());
      const p = sigmoid(intercept + row.reduce((s, v, j) => s + v * truth[j]!, 0));
      x.push(row);
      y.push(rng.chance(p) ? 1 : 0);
    }
    const fit = fitLogistic(x, y, { l2: 1e-6 });
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(15);
    expect(Math.abs(fit.intercept - intercept)).toBeLessThan(0.25);
    fit.coefficients.forEach((c, j) => expect(Math.abs(c - truth[j]!), `β${j}`).toBeLessThan(0.25));
  });

  it('stays finite when the classes separate perfectly, and ignores constant features', () => {
    const x = [
      [0, 1],
      [0.2, 1],
      [0.8, 1],
      [1, 1],
    ];
    const fit = fitLogistic(x, [0, 0, 1, 1]);
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.coefficients[0])).toBe(true);
    expect(fit.coefficients[0]).toBeGreaterThan(0);
    expect(fit.coefficients[1]).toBe(0);
  });
});

/** Samples whose label depends on `truth` (coefficients per factor) through a logistic model. */
function synthetic(n: number, truth: number[], intercept: number, seed: number): OutcomeSample[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const values = FACTOR_IDS.map(() => (rng.chance(0.5) ? 1 : rng.next()));
    const z = intercept + values.reduce((s, v, j) => s + v * (truth[j] ?? 0), 0);
    return { id: `prj-${i}`, values, label: rng.chance(sigmoid(z)) ? 1 : 0 };
  });
}

describe('calibration', () => {
  it('labels production as success, pilot and stopped as not, and skips projects without an outcome', () => {
    expect([
      outcomeLabel('production'),
      outcomeLabel('pilot'),
      outcomeLabel('stopped'),
      outcomeLabel(null),
    ]).toEqual([1, 0, 0, null]);
  });

  it('assigns folds by id hash, deterministically and about evenly', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `prj-${String(i).padStart(5, '0')}`);
    const counts = [0, 0, 0, 0, 0];
    for (const id of ids) counts[foldOf(id)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(ids.map((id) => foldOf(id))).toEqual(ids.map((id) => foldOf(id)));
  });

  it('maps coefficients to weights that sum to 100, dropping negative ones', () => {
    const w = weightsFromCoefficients([1, 3, -2, 0, 0, 0, 0])!;
    expect(w).toMatchObject({ vertical: 25, team: 75, data: 0 });
    expect(Object.values(w).reduce((s, v) => s + v, 0)).toBeCloseTo(100, 12);
    expect(weightsFromCoefficients([-1, 0, 0, 0, 0, 0, 0])).toBeNull();
  });

  it('keeps the default weights until there are enough outcomes of each class', () => {
    const few = synthetic(MIN_OUTCOMES - 1, [0, 0, 0, 0, 0, 0, 5], -2, 1);
    const c = calibrate(few);
    expect(c.source).toBe('default');
    expect(c.weights).toEqual(DEFAULT_READINESS_WEIGHTS);
    expect(c.reason.key).toBe('readiness.calibration.notEnough');
    expect(c.model).toBeNull();
    const oneSided = synthetic(200, [0, 0, 0, 0, 0, 0, 0], 6, 2);
    expect(oneSided.filter((s) => s.label === 0).length).toBeLessThan(10);
    expect(calibrate(oneSided).source).toBe('default');
  });

  it('fits weights that beat misweighted defaults on held-out projects', () => {
    // Only process and build-or-buy matter here; the defaults give them 18 points of 100.
    const samples = synthetic(3000, [0, 0, 0, 0, 4, 4, 0], -4, 7);
    const c = calibrate(samples);
    expect(c.source).toBe('fitted');
    expect(c.reason.key).toBe('readiness.calibration.fitted');
    expect(c.heldOut).toBe(3000);
    expect(c.aucFitted!).toBeGreaterThan(c.aucDefault! + 0.05);
    expect(Object.values(c.weights).reduce((s, v) => s + v, 0)).toBeCloseTo(100, 9);
    expect(c.weights.process + c.weights.buildOrBuy).toBeGreaterThan(85);
    // The AUC reported for the defaults is that of the default score on the same projects.
    expect(c.aucDefault).toBeCloseTo(
      auc(
        samples.map((s) => weightedScore(s.values, DEFAULT_READINESS_WEIGHTS)),
        samples.map((s) => s.label),
      )!,
      12,
    );
    // Same data, same result.
    expect(calibrate(samples)).toEqual(c);
  });

  it('keeps the defaults when outcomes carry no signal', () => {
    const c = calibrate(synthetic(2000, [0, 0, 0, 0, 0, 0, 0], 0, 11));
    expect(c.source).toBe('default');
    expect(['readiness.calibration.notBetter', 'readiness.calibration.noSignal']).toContain(c.reason.key);
    expect(c.aucFitted!).toBeLessThan(0.6);
    expect(c.model).not.toBeNull();
  });
});
