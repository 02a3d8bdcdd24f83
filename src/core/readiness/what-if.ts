/**
 * What-if: every single change that could raise a project's readiness, each applied to the facts and
 * re-scored with the same weights; the best is the one that raises the score most. Changes are edits of the
 * facts (name an owner, state a measurable outcome, cover a domain…), so the gain shown is exactly the
 * difference of two scores.
 */
import { domainCoverage } from './coverage.js';
import { estimatedCost, FOCUSED_SKILLS, MONTHS_RANGE, scoreOnly, scopeParts } from './factors.js';
import type { FactorWeights, Message, ReadinessFacts, RequirementCover, WhatIfChange } from './types.js';

interface Candidate {
  id: string;
  message: Message;
  apply: (f: ReadinessFacts) => ReadinessFacts;
}

/** Gains below this are rounding noise, not a change worth proposing. */
const MIN_GAIN = 1e-9;

const msg = (key: string, params: Message['params'] = {}): Message => ({ key, params });

function candidates(f: ReadinessFacts): Candidate[] {
  const out: Candidate[] = [];
  if (f.outcome.kind !== 'measurable')
    out.push({
      id: 'state-measurable-outcome',
      message: msg('readiness.whatIf.outcome'),
      apply: (x) => ({ ...x, outcome: { kind: 'measurable', source: 'businessOutcome', text: null } }),
    });
  for (const d of domainCoverage(f.covers)) {
    if (d.coverage >= 1) continue;
    out.push({
      id: `cover-${d.domain}`,
      message: msg(
        f.teamSource === 'team' ? 'readiness.whatIf.addSpecialist' : 'readiness.whatIf.bringSpecialist',
        {
          domain: d.domain,
          skills: d.gaps,
        },
      ),
      apply: (x) => ({
        ...x,
        covers: x.covers.map((c): RequirementCover =>
          c.domain === d.domain
            ? { ...c, credit: 1, via: { kind: 'exact', level: c.requiredLevel, by: null, holders: null } }
            : c,
        ),
      }),
    });
  }
  if (f.dataSources.length === 0)
    out.push({
      id: 'name-data-sources',
      message: msg('readiness.whatIf.dataSources'),
      apply: (x) => ({ ...x, dataSources: ['(named)'] }),
    });
  if (!f.securityOwner)
    out.push({
      id: 'name-security-owner',
      message: msg('readiness.whatIf.securityOwner', { sensitivity: f.sensitivity }),
      apply: (x) => ({ ...x, securityOwner: '(named)' }),
    });
  if (!f.processOwner)
    out.push({
      id: 'name-process-owner',
      message: msg('readiness.whatIf.processOwner'),
      apply: (x) => ({ ...x, processOwner: '(named)' }),
    });
  if (f.buildOrBuy === 'build')
    out.push({
      id: 'build-on-bought-platform',
      message: msg('readiness.whatIf.hybrid'),
      apply: (x) => ({ ...x, buildOrBuy: 'hybrid' }),
    });
  const musts = f.covers.filter((c) => c.must);
  if (f.covers.length > FOCUSED_SKILLS && musts.length > 0 && musts.length < f.covers.length)
    out.push({
      id: 'narrow-scope',
      message: msg('readiness.whatIf.narrowScope', { skills: f.covers.length, musts: musts.length }),
      apply: (x) => ({ ...x, covers: x.covers.filter((c) => c.must) }),
    });
  if (f.months === null)
    out.push({
      id: 'plan-dates',
      message: msg('readiness.whatIf.dates', { min: MONTHS_RANGE.min, max: MONTHS_RANGE.max }),
      apply: (x) => ({ ...x, months: (MONTHS_RANGE.min + MONTHS_RANGE.max) / 2 }),
    });
  else if (f.months < MONTHS_RANGE.min || f.months > MONTHS_RANGE.max) {
    const target = Math.min(MONTHS_RANGE.max, Math.max(MONTHS_RANGE.min, f.months));
    out.push({
      id: f.months > MONTHS_RANGE.max ? 'split-into-phases' : 'extend-plan',
      message: msg(f.months > MONTHS_RANGE.max ? 'readiness.whatIf.phases' : 'readiness.whatIf.extend', {
        months: Math.round(f.months * 10) / 10,
        target,
      }),
      apply: (x) => ({ ...x, months: target }),
    });
  }
  const estimate = estimatedCost(f);
  if (estimate !== null && scopeParts(f).budget < 1) {
    const amount = Math.ceil(estimate / 1000) * 1000;
    out.push({
      id: f.budget === null ? 'state-budget' : 'align-budget',
      message: msg(f.budget === null ? 'readiness.whatIf.stateBudget' : 'readiness.whatIf.alignBudget', {
        amount,
        headcount: f.headcount,
        months: Math.round((f.months ?? 0) * 10) / 10,
      }),
      apply: (x) => ({ ...x, budget: amount }),
    });
  }
  return out;
}

/** Every change that raises the score, best first (ties by id, so the order is stable). */
export function whatIf(
  f: ReadinessFacts,
  weights: FactorWeights,
  score = scoreOnly(f, weights),
): WhatIfChange[] {
  const out: WhatIfChange[] = [];
  for (const c of candidates(f)) {
    const after = scoreOnly(c.apply(f), weights);
    const gain = after - score;
    if (gain > MIN_GAIN) out.push({ id: c.id, message: c.message, gain, scoreAfter: after });
  }
  out.sort((a, b) => b.gain - a.gain || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}
