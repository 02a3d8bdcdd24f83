/**
 * Why a team proposal is not a proved optimum, in English and French. The solver keeps each note as a key
 * and parameters (`core/message.ts`); the contract renders it in the asked language. `status` and `detail`
 * come from the solver (HiGHS) and are shown as they are.
 */
import { renderWith, type Catalog, type Message } from '../message.js';
import type { Lang } from '../taxonomy/types.js';

const EN: Catalog = {
  'team.rules.minEmployeesOverSize':
    'the rules cannot be met: minEmployees ({k}) is larger than maxSize ({maxSize})',
  'team.rules.tooFewEmployees':
    'the rules cannot be met: only {available} employees are available, {k} are required',
  'team.rules.overBudget':
    'the rules cannot be met: the {k} cheapest employees cost {cost}, over the budget of {budget}',
  'team.noCandidate': 'no candidate is available during the project',
  'team.noSolver': 'no MILP solver available',
  'team.solverFailed': 'the solver found no team ({status}{detail})',
  'team.timeLimit': 'time limit reached: the best team found, with its gap to the best bound',
  'team.timeLimitCoverage':
    'time limit reached before the best coverage was proved; the gap is for this coverage',
  'team.alternativeFailed': 'the {kind} team was not computed (the solver found no team: {status}{detail})',
};

const FR: Catalog = {
  'team.rules.minEmployeesOverSize':
    'les règles ne peuvent pas être respectées : minEmployees ({k}) dépasse maxSize ({maxSize})',
  'team.rules.tooFewEmployees':
    'les règles ne peuvent pas être respectées : {available} salariés disponibles seulement, {k} requis',
  'team.rules.overBudget':
    'les règles ne peuvent pas être respectées : les {k} salariés les moins chers coûtent {cost}, au-delà du budget de {budget}',
  'team.noCandidate': 'aucun candidat n’est disponible pendant le projet',
  'team.noSolver': 'aucun solveur MILP disponible',
  'team.solverFailed': 'le solveur n’a trouvé aucune équipe ({status}{detail})',
  'team.timeLimit':
    'limite de temps atteinte : la meilleure équipe trouvée, avec son écart à la meilleure borne',
  'team.timeLimitCoverage':
    'limite de temps atteinte avant que la meilleure couverture soit prouvée ; l’écart vaut pour cette couverture',
  'team.alternativeFailed':
    'l’équipe « {kind} » n’a pas été calculée (le solveur n’a trouvé aucune équipe : {status}{detail})',
};

export const TEAM_MESSAGES: Record<Lang, Catalog> = { en: EN, fr: FR };

export const renderTeamMessage = (m: Message, lang: Lang): string => renderWith(TEAM_MESSAGES, m, lang);
