/**
 * The words of a train / borrow / hire recommendation in English and French. `recommend` stays free of
 * language: each option carries a note as a key and parameters, and the reasoning is composed here from
 * the recommendation's figures, so the API and the CLI say it in the asked language (the web UI composes
 * the same sentence from the same figures with its own i18next catalogue).
 */
import { renderWith, type Catalog, type Message } from '../message.js';
import type { Lang } from '../taxonomy/types.js';
import type { Recommendation, SourcingOption } from './upskilling.js';

const EN: Catalog = {
  'sourcing.train.best': 'best employee learns it in {weeks} weeks',
  'sourcing.train.none': 'no employee in the pool',
  'sourcing.borrow.pool': '{count} freelancer(s) of the pool hold it at level {level}+',
  'sourcing.borrow.market': 'no freelancer of the pool holds it: search the market',
  'sourcing.hire.lasting': 'lasting demand',
  'sourcing.hire.tooSmall': 'shortage under {minPersonDays} person-days: not worth a hire',
  'sourcing.reason':
    '{action}: capable in {weeks} weeks on projects of {duration} weeks, covering {covers} % of the {shortage} person-day shortage at {rate} €/person-day ({note}). Against {others}.',
  'sourcing.option': '{action}: {weeks} weeks, {covers} % covered, {rate} €/person-day',
  'sourcing.unavailable': '{action}: {note}',
  'sourcing.separator': '; ',
};

const FR: Catalog = {
  'sourcing.train.best': 'le meilleur salarié l’apprend en {weeks} semaines',
  'sourcing.train.none': 'aucun salarié dans le vivier',
  'sourcing.borrow.pool': '{count} freelance(s) du vivier la maîtrisent au niveau {level} ou plus',
  'sourcing.borrow.market': 'aucun freelance du vivier ne la maîtrise : chercher sur le marché',
  'sourcing.hire.lasting': 'besoin durable',
  'sourcing.hire.tooSmall':
    'pénurie de moins de {minPersonDays} jours-homme : un recrutement ne se justifie pas',
  'sourcing.reason':
    '{action} : opérationnel en {weeks} semaines sur des projets de {duration} semaines, couvre {covers} % des {shortage} jours-homme manquants à {rate} € le jour-homme ({note}). Contre : {others}.',
  'sourcing.option': '{action} : {weeks} semaines, {covers} % couverts, {rate} € le jour-homme',
  'sourcing.unavailable': '{action} : {note}',
  'sourcing.separator': ' ; ',
};

export const SOURCING_MESSAGES: Record<Lang, Catalog> = { en: EN, fr: FR };

const ACTIONS: Record<Lang, Record<string, string>> = {
  en: { train: 'train', borrow: 'borrow', hire: 'hire' },
  fr: { train: 'former', borrow: 'emprunter', hire: 'recruter' },
};

/** French numbers use a decimal comma; figures are already rounded by `recommend`. */
const numberIn = (lang: Lang) => (_: string, v: number) =>
  lang === 'fr' ? String(v).replace('.', ',') : String(v);

export function renderSourcingMessage(m: Message, lang: Lang): string {
  return renderWith(SOURCING_MESSAGES, m, lang, {
    word: (name, v) => (name === 'action' ? (ACTIONS[lang][v] ?? v) : undefined),
    number: numberIn(lang),
  });
}

const percent = (share: number) => Math.round(share * 100);
const rate = (o: SourcingOption) => o.costPerPersonDay ?? '—';

/** Why `r.action` was chosen, against the other two options, in one sentence. */
export function sourcingReason(r: Recommendation, lang: Lang): string {
  const pick = r.options.find((o) => o.action === r.action) ?? r.options[0]!;
  const say = (key: string, params: Message['params']) => renderSourcingMessage({ key, params }, lang);
  const others = r.options
    .filter((o) => o !== pick)
    .map((o) =>
      o.available
        ? say('sourcing.option', {
            action: o.action,
            weeks: o.weeks,
            covers: percent(o.covers),
            rate: rate(o),
          })
        : say('sourcing.unavailable', { action: o.action, note: renderSourcingMessage(o.note, lang) }),
    )
    .join(SOURCING_MESSAGES[lang]['sourcing.separator']);
  return say('sourcing.reason', {
    action: pick.action,
    weeks: pick.weeks,
    duration: r.durationWeeks,
    covers: percent(pick.covers),
    shortage: r.shortage,
    rate: rate(pick),
    note: renderSourcingMessage(pick.note, lang),
    others,
  });
}
