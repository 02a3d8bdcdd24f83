/**
 * The readiness messages in English and French. A message is a key and parameters; `renderMessage` fills
 * the template. Parameters named `domain`, `sensitivity`, `source` and `headcountSource` are translated;
 * a string[] parameter is a list of skill ids, shown through `label` when one is given.
 */
import { renderWith, type Catalog, type Message } from '../message.js';
import type { Lang } from '../taxonomy/types.js';

const EN: Catalog = {
  'readiness.vertical.measurable':
    '{industry} / {businessFunction}, with a measurable outcome in the {source}: “{text}”',
  'readiness.vertical.kpi': '{industry} / {businessFunction}; an indicator is named (“{text}”) but no target',
  'readiness.vertical.stated':
    '{industry} / {businessFunction}; the outcome is stated but not measurable: “{text}”',
  'readiness.vertical.none':
    '{industry} / {businessFunction}, but no business outcome stated (a number, a %, a KPI target)',
  'readiness.team.noRequirements': 'no required skill: nothing to staff against',
  'readiness.team.noCoreDomain':
    'no requirement in the five core domains; {source} covers {percent} % of the requirements',
  'readiness.team.allCovered': '{source} covers every required core domain at level ({domains})',
  'readiness.team.gaps':
    '{source} covers {covered} of {required} required core domains at level; short: {short}; not covered at level: {skills}',
  'readiness.data.named.handled': '{count} data source(s) named ({sources}); {sensitivity} data provided for',
  'readiness.data.named.unhandled':
    '{count} data source(s) named ({sources}), but {sensitivity} data with no security or governance skill or owner',
  'readiness.data.unnamed.handled': 'no data source named ({sensitivity} data)',
  'readiness.data.unnamed.unhandled':
    'no data source named, and {sensitivity} data with no security or governance skill or owner',
  'readiness.ownership.named': 'security and governance owner: {owner}',
  'readiness.ownership.missing': 'nobody answers for security and governance ({sensitivity} data)',
  'readiness.process.named': 'business process owner: {owner}',
  'readiness.process.missing': 'no business process owner to take it into the workflow',
  'readiness.buildOrBuy.build': 'built from scratch: custom builds fail most often',
  'readiness.buildOrBuy.hybrid': 'built on a bought platform (hybrid)',
  'readiness.buildOrBuy.buy': 'bought: an off-the-shelf solution',
  'readiness.scope':
    '{skills} required skills, {months} months, {headcount} person(s) ({headcountSource}), budget {budget} € against an estimated {estimate} €',
  'readiness.scope.noBudget':
    '{skills} required skills, {months} months, {headcount} person(s) ({headcountSource}), no budget stated (estimated cost {estimate} €)',
  'readiness.whatIf.outcome': 'state a measurable business outcome (e.g. “cut handling time by 20 %”)',
  'readiness.whatIf.addSpecialist': 'add a specialist in {domain} to the team ({skills})',
  'readiness.whatIf.bringSpecialist': 'bring in a specialist in {domain} (freelance or hire): {skills}',
  'readiness.whatIf.dataSources': 'name the data sources and get access to them',
  'readiness.whatIf.securityOwner': 'name a security and governance owner',
  'readiness.whatIf.processOwner': 'name a business process owner',
  'readiness.whatIf.hybrid': 'build on a bought platform rather than from scratch',
  'readiness.whatIf.narrowScope': 'narrow the scope from {skills} to the {musts} must-have skills',
  'readiness.whatIf.dates': 'plan start and end dates ({min} to {max} months)',
  'readiness.whatIf.phases': 'split the {months}-month plan into phases of at most {target} months',
  'readiness.whatIf.extend': 'plan at least {target} months instead of {months}',
  'readiness.whatIf.stateBudget':
    'state a budget of about {amount} € ({headcount} person(s) over {months} months)',
  'readiness.whatIf.alignBudget':
    'raise the budget to about {amount} € ({headcount} person(s) over {months} months)',
  'readiness.calibration.notEnough':
    'default weights: {n} past projects with an outcome ({positives} in production, {negatives} not); a fit needs {minOutcomes}, with {minPerClass} of each',
  'readiness.calibration.fitted':
    'weights fitted on {n} past projects; held-out AUC {aucFitted} against {aucDefault} for the defaults',
  'readiness.calibration.notBetter':
    'default weights kept: fitted weights reach a held-out AUC of {aucFitted} against {aucDefault} for the defaults (they must do at least as well, and reach {minAuc})',
  'readiness.calibration.noSignal':
    'default weights kept: no factor separates production from the rest in {n} past projects',
};

const FR: Catalog = {
  'readiness.vertical.measurable':
    '{industry} / {businessFunction}, avec un résultat mesurable dans {source} : « {text} »',
  'readiness.vertical.kpi':
    '{industry} / {businessFunction} ; un indicateur est nommé (« {text} ») mais sans cible',
  'readiness.vertical.stated':
    '{industry} / {businessFunction} ; le résultat attendu est énoncé sans être mesurable : « {text} »',
  'readiness.vertical.none':
    '{industry} / {businessFunction}, mais aucun résultat métier énoncé (un chiffre, un %, un KPI avec une cible)',
  'readiness.team.noRequirements': 'aucune compétence requise : rien à staffer',
  'readiness.team.noCoreDomain':
    'aucune exigence dans les cinq domaines clés ; {source} couvre {percent} % des exigences',
  'readiness.team.allCovered': '{source} couvre au niveau chaque domaine clé requis ({domains})',
  'readiness.team.gaps':
    '{source} couvre au niveau {covered} des {required} domaines clés requis ; manque : {short} ; non couvert au niveau : {skills}',
  'readiness.data.named.handled':
    '{count} source(s) de données nommée(s) ({sources}) ; données {sensitivity} prises en charge',
  'readiness.data.named.unhandled':
    '{count} source(s) de données nommée(s) ({sources}), mais des données {sensitivity} sans compétence ni responsable sécurité ou gouvernance',
  'readiness.data.unnamed.handled': 'aucune source de données nommée (données {sensitivity})',
  'readiness.data.unnamed.unhandled':
    'aucune source de données nommée, et des données {sensitivity} sans compétence ni responsable sécurité ou gouvernance',
  'readiness.ownership.named': 'responsable sécurité et gouvernance : {owner}',
  'readiness.ownership.missing':
    'personne ne répond de la sécurité et de la gouvernance (données {sensitivity})',
  'readiness.process.named': 'responsable du processus métier : {owner}',
  'readiness.process.missing': 'aucun responsable du processus métier pour l’intégrer au workflow',
  'readiness.buildOrBuy.build': 'développé sur mesure : c’est ce qui échoue le plus souvent',
  'readiness.buildOrBuy.hybrid': 'construit sur une plateforme achetée (hybride)',
  'readiness.buildOrBuy.buy': 'acheté : une solution du marché',
  'readiness.scope':
    '{skills} compétences requises, {months} mois, {headcount} personne(s) ({headcountSource}), budget {budget} € pour un coût estimé de {estimate} €',
  'readiness.scope.noBudget':
    '{skills} compétences requises, {months} mois, {headcount} personne(s) ({headcountSource}), aucun budget indiqué (coût estimé {estimate} €)',
  'readiness.whatIf.outcome':
    'énoncer un résultat métier mesurable (par ex. « réduire de 30 % le temps de traitement »)',
  'readiness.whatIf.addSpecialist': 'ajouter à l’équipe un spécialiste {domain} ({skills})',
  'readiness.whatIf.bringSpecialist':
    'faire venir un spécialiste {domain} (freelance ou recrutement) : {skills}',
  'readiness.whatIf.dataSources': 'nommer les sources de données et en obtenir l’accès',
  'readiness.whatIf.securityOwner': 'nommer un responsable sécurité et gouvernance',
  'readiness.whatIf.processOwner': 'nommer un responsable du processus métier',
  'readiness.whatIf.hybrid': 'construire sur une plateforme achetée plutôt que tout développer',
  'readiness.whatIf.narrowScope': 'réduire le périmètre de {skills} compétences aux {musts} indispensables',
  'readiness.whatIf.dates': 'planifier des dates de début et de fin ({min} à {max} mois)',
  'readiness.whatIf.phases': 'découper le plan de {months} mois en phases de {target} mois au plus',
  'readiness.whatIf.extend': 'prévoir au moins {target} mois au lieu de {months}',
  'readiness.whatIf.stateBudget':
    'fixer un budget d’environ {amount} € ({headcount} personne(s) sur {months} mois)',
  'readiness.whatIf.alignBudget':
    'porter le budget à environ {amount} € ({headcount} personne(s) sur {months} mois)',
  'readiness.calibration.notEnough':
    'poids par défaut : {n} projets passés avec un résultat ({positives} en production, {negatives} non) ; il en faut {minOutcomes}, dont {minPerClass} de chaque',
  'readiness.calibration.fitted':
    'poids ajustés sur {n} projets passés ; AUC hors échantillon {aucFitted} contre {aucDefault} pour les poids par défaut',
  'readiness.calibration.notBetter':
    'poids par défaut conservés : les poids ajustés atteignent une AUC hors échantillon de {aucFitted} contre {aucDefault} (il faut au moins autant, et {minAuc})',
  'readiness.calibration.noSignal':
    'poids par défaut conservés : aucun facteur ne distingue les projets en production sur {n} projets passés',
};

const WORDS: Record<Lang, Record<string, string>> = {
  en: {
    ai: 'AI',
    data: 'data',
    cloud: 'cloud',
    security: 'security',
    governance: 'governance',
    lowcode: 'low-code',
    engineering: 'engineering',
    general: 'general',
    team: 'the staffed team',
    pool: 'the pool (best candidate per skill)',
    roles: 'from the roles',
    estimate: 'estimated from the skills',
    businessOutcome: 'business outcome',
    brief: 'brief',
    public: 'public',
    internal: 'internal',
    confidential: 'confidential',
    personal: 'personal',
    sensitive: 'sensitive',
  },
  fr: {
    ai: 'IA',
    data: 'data',
    cloud: 'cloud',
    security: 'sécurité',
    governance: 'gouvernance',
    lowcode: 'low-code',
    engineering: 'ingénierie',
    general: 'général',
    team: 'l’équipe staffée',
    pool: 'le vivier (meilleur candidat par compétence)',
    roles: 'd’après les rôles',
    estimate: 'estimé d’après les compétences',
    businessOutcome: 'le résultat métier',
    brief: 'le brief',
    public: 'publiques',
    internal: 'internes',
    confidential: 'confidentielles',
    personal: 'personnelles',
    sensitive: 'sensibles',
  },
};

const TRANSLATED = new Set(['domain', 'sensitivity', 'source', 'headcountSource']);

export const READINESS_MESSAGES: Record<Lang, Catalog> = { en: EN, fr: FR };

export function renderMessage(
  m: Message,
  lang: Lang,
  label: (skillId: string) => string = (id) => id,
): string {
  return renderWith(READINESS_MESSAGES, m, lang, {
    label,
    word: (name, v) => (TRANSLATED.has(name) ? (WORDS[lang][v] ?? v) : undefined),
  });
}
