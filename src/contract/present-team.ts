/** Presenter of a team proposal: the HTTP route and `vivier team --json` print the same document. */
import type { Lang, Taxonomy } from '../core/taxonomy/types.js';
import type { Team, TeamProposal } from '../core/teams/types.js';
import { renderTeamMessage } from '../core/teams/team-messages.js';
import type { TeamOut, TeamResponse } from './team.schemas.js';

const labelOf = (tax: Taxonomy, id: string, lang: Lang): string => tax.byId.get(id)?.labels[lang].label ?? id;

function presentTeamOf(tax: Taxonomy, t: Team, lang: Lang): TeamOut {
  return {
    ...t,
    coverage: t.coverage.map((c) => ({ ...c, label: labelOf(tax, c.skillId, lang) })),
    uncovered: t.uncovered.map((u) => ({ ...u, label: labelOf(tax, u.skillId, lang) })),
  };
}

export function presentTeam(
  tax: Taxonomy,
  projectId: string,
  pool: number,
  shortlisted: number,
  p: TeamProposal,
  lang: Lang,
): TeamResponse {
  return {
    projectId,
    projectDays: p.projectDays,
    rules: p.rules,
    pool,
    shortlisted,
    unavailable: p.unavailable,
    feasible: p.feasible,
    team: presentTeamOf(tax, p.team, lang),
    alternatives: p.alternatives.map((t) => presentTeamOf(tax, t, lang)),
    solve: {
      ...p.solve,
      seconds: Math.round(p.solve.seconds * 1000) / 1000,
      note: p.solve.note && { ...p.solve.note, text: renderTeamMessage(p.solve.note, lang) },
    },
  };
}
