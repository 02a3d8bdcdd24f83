import { productionProbability, type CalibrationModel } from './calibrate.js';
import { factorValues, scoreFacts } from './factors.js';
import type { FactorWeights, Readiness, ReadinessFacts } from './types.js';
import { whatIf } from './what-if.js';

/**
 * A project's readiness: the score explained factor by factor, the changes that would raise it (best first),
 * and, when the weights come from a fitted model, that model's estimate of the chance to reach production.
 */
export function assessReadiness(
  facts: ReadinessFacts,
  weights: FactorWeights,
  model: CalibrationModel | null = null,
): Readiness {
  const scored = scoreFacts(facts, weights);
  const changes = whatIf(facts, weights, scored.score);
  return {
    ...scored,
    whatIf: changes,
    best: changes[0] ?? null,
    productionProbability: model ? productionProbability(factorValues(facts), model) : null,
  };
}
