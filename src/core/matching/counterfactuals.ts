/**
 * Counterfactuals: for one talent, the single changes that would raise the score most ("level 3 in
 * Kubernetes: +0.12"). Each is scored by re-running `scoreCandidate` on the changed candidate, so a gain is
 * exactly the difference of two scores the user could see.
 */
import type { Domain } from '../taxonomy/types.js';
import { domainBit, type ProfileFacts } from './profile.js';
import { scoreCandidate, type ScoringContext } from './score-candidate.js';
import type { Candidate, Counterfactual, HeldSkill } from './types.js';

/** Gains below this are rounding, not advice. */
const MIN_GAIN = 1e-9;

/**
 * `domainOf` (the taxonomy's skill → domain) lets a change that brings a core domain to the breadth level
 * count in the breadth part, as re-ranking the changed talent would; without it, breadth is left as is.
 */
export function counterfactuals(
  candidate: Candidate,
  facts: ProfileFacts,
  ctx: ScoringContext,
  limit = 3,
  domainOf?: (skillId: string) => Domain | undefined,
): Counterfactual[] {
  const base = scoreCandidate(candidate, facts, ctx).score;
  const out: Counterfactual[] = [];
  const held = new Map(candidate.skills.map((s) => [s.skillId, s]));
  for (const r of ctx.reqs) {
    const h = held.get(r.skillId);
    if (h && h.level >= r.level) continue;
    const changed: HeldSkill = { skillId: r.skillId, level: r.level, evidence: h?.evidence ?? null };
    const skills = h
      ? candidate.skills.map((s) => (s.skillId === r.skillId ? changed : s))
      : [...candidate.skills, changed];
    // A level only rises, so the changed talent holds every core domain it held, maybe one more.
    const domains = facts.domains | (domainOf ? domainBit(r.skillId, r.level, domainOf) : 0);
    const changedFacts = domains === facts.domains ? facts : { ...facts, domains };
    const gain = scoreCandidate({ ...candidate, skills }, changedFacts, ctx).score - base;
    if (gain > MIN_GAIN)
      out.push({ kind: h ? 'raise-level' : 'add-skill', skillId: r.skillId, level: r.level, gain });
  }
  const fullTime = scoreCandidate(candidate, { ...facts, windows: [] }, ctx).score - base;
  if (fullTime > MIN_GAIN) out.push({ kind: 'full-availability', gain: fullTime });
  // Ties in code-unit order (localeCompare would depend on the runtime's locale data).
  out.sort((a, b) => {
    const x = a.skillId ?? '';
    const y = b.skillId ?? '';
    return b.gain - a.gain || (x < y ? -1 : x > y ? 1 : 0);
  });
  return out.slice(0, Math.max(0, limit));
}
