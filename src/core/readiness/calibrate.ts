/**
 * Calibration of the factor weights on the outcomes of past projects.
 *
 * Label: a project whose outcome is `production` is a success (1); `stopped` and `pilot` are not (0) — a
 * project that stayed a pilot did not reach production, which is what readiness predicts. Projects without
 * an outcome are left out.
 *
 * With at least MIN_OUTCOMES labelled projects and MIN_PER_CLASS of each class, a logistic regression of the
 * label on the seven factor values is fitted, and its positive coefficients, scaled to sum to 100, become the
 * factor weights: the score stays a sum of value × weight on the same 0–100 scale, so explanations still add
 * up (a factor whose coefficient comes out negative or zero gets weight 0: in that data it does not help).
 * With all coefficients positive, the 0–100 score orders projects exactly as the fitted model does.
 *
 * How well the weights separate production from not is measured on projects held out of the fit: each
 * project falls in one of FOLDS folds by a hash of its id (deterministic, independent of order); each fold is
 * scored with weights fitted on the other folds, and the AUC of those out-of-fold scores is reported beside
 * the AUC of the hand-set default weights on the same projects. The fitted weights are used only when they do
 * at least as well as the defaults there and reach MIN_AUC; otherwise the defaults stay, and the reason says so.
 */
import type { Outcome } from '../model.js';
import { auc } from './auc.js';
import { DEFAULT_READINESS_WEIGHTS } from './factors.js';
import { fitLogistic, sigmoid } from './logistic.js';
import { FACTOR_IDS, type FactorWeights, type Message } from './types.js';

export const MIN_OUTCOMES = 30;
export const MIN_PER_CLASS = 10;
export const FOLDS = 5;
/** Held-out AUC the fitted weights must reach to replace the defaults (0.5 is chance). */
export const MIN_AUC = 0.6;
export const L2 = 0.1;

export function outcomeLabel(outcome: Outcome | null): 0 | 1 | null {
  if (outcome === 'production') return 1;
  if (outcome === 'stopped' || outcome === 'pilot') return 0;
  return null;
}

export interface OutcomeSample {
  id: string;
  /** Factor values in FACTOR_IDS order. */
  values: readonly number[];
  label: 0 | 1;
}

export interface CalibrationModel {
  intercept: number;
  coefficients: FactorWeights;
}

export interface Calibration {
  source: 'fitted' | 'default';
  reason: Message;
  /** The weights in use (sum to 100). */
  weights: FactorWeights;
  defaultWeights: FactorWeights;
  n: number;
  positives: number;
  negatives: number;
  minOutcomes: number;
  minPerClass: number;
  folds: number;
  /** Projects scored out of fold (the AUCs are over these). */
  heldOut: number;
  aucFitted: number | null;
  aucDefault: number | null;
  /** The model fitted on every labelled project, when there were enough; reported even when not used. */
  model: CalibrationModel | null;
}

/** 32-bit FNV-1a of a string. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const foldOf = (id: string, folds = FOLDS): number => hashId(id) % folds;

const toWeights = (values: readonly number[]): FactorWeights =>
  Object.fromEntries(FACTOR_IDS.map((id, i) => [id, values[i] ?? 0])) as FactorWeights;

/** Positive coefficients scaled to sum to 100; null when none is positive. */
export function weightsFromCoefficients(coefficients: readonly number[]): FactorWeights | null {
  const pos = coefficients.map((c) => (c > 0 ? c : 0));
  const total = pos.reduce((s, c) => s + c, 0);
  if (!(total > 0)) return null;
  return toWeights(pos.map((c) => (100 * c) / total));
}

export function weightedScore(values: readonly number[], weights: FactorWeights): number {
  let s = 0;
  FACTOR_IDS.forEach((id, i) => (s += (values[i] ?? 0) * weights[id]));
  return s;
}

export function productionProbability(values: readonly number[], model: CalibrationModel): number {
  let z = model.intercept;
  FACTOR_IDS.forEach((id, i) => (z += (values[i] ?? 0) * model.coefficients[id]));
  return sigmoid(z);
}

const ZERO = toWeights([]);

export interface CalibrateOptions {
  defaults?: FactorWeights;
  folds?: number;
  minOutcomes?: number;
  minPerClass?: number;
  l2?: number;
}

export function calibrate(samples: readonly OutcomeSample[], options: CalibrateOptions = {}): Calibration {
  const defaults = options.defaults ?? DEFAULT_READINESS_WEIGHTS;
  const folds = options.folds ?? FOLDS;
  const minOutcomes = options.minOutcomes ?? MIN_OUTCOMES;
  const minPerClass = options.minPerClass ?? MIN_PER_CLASS;
  const l2 = options.l2 ?? L2;
  const positives = samples.filter((s) => s.label === 1).length;
  const negatives = samples.length - positives;
  const base = {
    defaultWeights: defaults,
    n: samples.length,
    positives,
    negatives,
    minOutcomes,
    minPerClass,
    folds,
  };
  const round3 = (x: number | null) => (x === null ? '?' : Math.round(x * 1000) / 1000);

  if (samples.length < minOutcomes || positives < minPerClass || negatives < minPerClass) {
    const aucDefault = auc(
      samples.map((s) => weightedScore(s.values, defaults)),
      samples.map((s) => s.label),
    );
    return {
      ...base,
      source: 'default',
      reason: {
        key: 'readiness.calibration.notEnough',
        params: { n: samples.length, positives, negatives, minOutcomes, minPerClass },
      },
      weights: defaults,
      heldOut: samples.length,
      aucFitted: null,
      aucDefault,
      model: null,
    };
  }

  // Out-of-fold scores.
  const fold = samples.map((s) => foldOf(s.id, folds));
  const fittedScores: number[] = [];
  const defaultScores: number[] = [];
  const labels: number[] = [];
  for (let f = 0; f < folds; f++) {
    const train = samples.filter((_, i) => fold[i] !== f);
    const test = samples.filter((_, i) => fold[i] === f);
    const trainPos = train.filter((s) => s.label === 1).length;
    if (test.length === 0 || trainPos === 0 || trainPos === train.length) continue;
    const fit = fitLogistic(
      train.map((s) => s.values),
      train.map((s) => s.label),
      { l2 },
    );
    const w = weightsFromCoefficients(fit.coefficients) ?? ZERO;
    for (const s of test) {
      fittedScores.push(weightedScore(s.values, w));
      defaultScores.push(weightedScore(s.values, defaults));
      labels.push(s.label);
    }
  }
  const aucFitted = auc(fittedScores, labels);
  const aucDefault = auc(defaultScores, labels);

  const full = fitLogistic(
    samples.map((s) => s.values),
    samples.map((s) => s.label),
    { l2 },
  );
  const model: CalibrationModel = { intercept: full.intercept, coefficients: toWeights(full.coefficients) };
  const fitted = weightsFromCoefficients(full.coefficients);
  const params = {
    n: samples.length,
    aucFitted: round3(aucFitted),
    aucDefault: round3(aucDefault),
    minAuc: MIN_AUC,
  };
  const common = { ...base, heldOut: labels.length, aucFitted, aucDefault, model };
  if (
    fitted &&
    aucFitted !== null &&
    aucFitted >= MIN_AUC &&
    (aucDefault === null || aucFitted >= aucDefault)
  )
    return {
      ...common,
      source: 'fitted',
      reason: { key: 'readiness.calibration.fitted', params },
      weights: fitted,
    };
  return {
    ...common,
    source: 'default',
    reason: { key: fitted ? 'readiness.calibration.notBetter' : 'readiness.calibration.noSignal', params },
    weights: defaults,
  };
}
