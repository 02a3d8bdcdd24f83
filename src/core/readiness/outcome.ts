/**
 * Detects a measurable business outcome in French or English text: a target with a number ("réduire de
 * 30 %", "cut handling time by 20%", "2 jours au lieu de 5", "×2", "save 3 FTE"), or, short of that, an
 * indicator named without a target ("KPI", "NPS", "taux de conversion").
 *
 * Briefs are full of numbers that are not outcomes — the budget ("Budget : 310 000 €"), the team
 * ("2 × data engineer"), the duration ("sur 6 mois"), dates, product versions ("Llama 3", "ISO 27001") — so
 * only a percentage, points or a multiplier count on their own; an amount, a duration or a count counts
 * when a change is stated around it ("économiser 200 k€", "en 2 jours au lieu de 5", "save 3 FTE").
 */
import type { OutcomeEvidence } from './types.js';

const B = String.raw`(?<![\p{L}\p{N}_])`;
const E = String.raw`(?![\p{L}\p{N}_])`;
const NUM = String.raw`(?<![\p{L}\p{N}_.,-])\d+(?:[.,]\d+)?`;
/** Units that make a number a target on their own. */
const STRONG_UNIT = String.raw`\s?(?:%|‰|pts?${E}|points?${E}|pp${E})`;
/** Units that make a number a target only with a change stated around it. */
const WEAK_UNIT = String.raw`\s?(?:€|\$|£|(?:k€|m€|keur|meur|eur|euros?|usd|millions?|milliards?|bn|jours?|days?|heures?|hours?|hrs?|h|minutes?|mins?|secondes?|seconds?|semaines?|weeks?|mois|months?|ans?|years?|etp|fte|tickets?|dossiers?|cases?|calls?|appels?|clients?|customers?|requests?|demandes?|documents?|sinistres?|claims?)${E})`;
/** "×2", "x 3", "2x", "10×": a multiplier (not "2 × data engineer", a headcount). */
const MULT = String.raw`(?:${B}[x×]\s?\d+(?:[.,]\d+)?${E}|${NUM}[x×]${E})`;
/** Words that state a change. */
const DIRECTION = String.raw`${B}(?:r[ée]dui\p{L}*|r[ée]duction|diminu\p{L}*|baiss\p{L}*|abaiss\p{L}*|augment\p{L}*|am[ée]lior\p{L}*|accro[iî]\p{L}*|gagn\p{L}*|[ée]conomi\p{L}*|divis\p{L}*|raccourci\p{L}*|atteindre|cut\p{L}*|reduc\p{L}*|decreas\p{L}*|lower\p{L}*|increas\p{L}*|rais(?:e|es|ed|ing)|improv\p{L}*|boost\p{L}*|sav(?:e|es|ed|ing)|shorten\p{L}*|grow\p{L}*|reach\p{L}*|halv\p{L}*|doubl\p{L}*|tripl\p{L}*)`;
/** Comparisons that make a quantity a target: "au lieu de 5", "instead of", "moins de", "under". */
const COMPARISON = String.raw`${B}(?:au\s+lieu\s+de|instead\s+of|contre|vs\.?|versus|moins\s+de|plus\s+de|less\s+than|more\s+than|fewer\s+than|under|sous|en\s+moins\s+de|from)${E}`;
/** "by 2 million", "de 3", "par 2": a number introduced as the size of the change just stated. */
const BY_NUM = String.raw`${B}(?:by|de|d'|of|par|to|à)\s*\d+(?:[.,]\d+)?${E}`;
/** Changes stated without digits. */
const WORDED = String.raw`${B}(?:par\s+(?:deux|trois|quatre|dix)|de\s+moitié|halve|by\s+half|in\s+half|doubl(?:e|er|ing)|tripl(?:e|er|ing))${E}`;

const KPI = new RegExp(
  String.raw`${B}(?:kpis?|okrs?|nps|csat|sla|roi|aht|dmt|tmt|fcr|taux\s+de\s+\p{L}+|time[- ]to[- ]\p{L}+|d[ée]lais?\s+de\s+\p{L}+|lead\s+time|cycle\s+time|handling\s+time|temps\s+de\s+traitement|dur[ée]e\s+moyenne|conversion\s+rate|churn|attrition|first[- ]call\s+resolution|indicateurs?)${E}`,
  'iu',
);

const DIRECTION_RE = new RegExp(DIRECTION, 'giu');
const COMPARISON_RE = new RegExp(COMPARISON, 'iu');
const UNIT_AT_START = new RegExp(`^(?:${STRONG_UNIT}|${WEAK_UNIT})`, 'iu');

/** How far around a quantity (characters, same sentence) a change or a comparison is looked for. */
const LOOKBACK = 60;
const LOOKAHEAD = 30;

function sentenceStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !'.;!?\n'.includes(text[i - 1] ?? '')) i--;
  return i;
}

function sentenceEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !'.;!?\n'.includes(text[i] ?? '')) i++;
  return i;
}

const isYear = (s: string): boolean => /^(?:19|20)\d\d$/.test(s);

interface Span {
  start: number;
  end: number;
}

/** The last change word in text[from, to), as an absolute offset, or -1. */
function lastDirection(text: string, from: number, to: number): number {
  const re = DIRECTION_RE;
  const part = text.slice(from, to);
  let at = -1;
  re.lastIndex = 0;
  for (let m = re.exec(part); m; m = re.exec(part)) at = from + m.index;
  return at;
}

const QUANTITY_RE = new RegExp(`(${NUM})(?:(${STRONG_UNIT})|(${WEAK_UNIT}))|(${MULT})`, 'giu');
const CHANGE_BY_RE = new RegExp(`${DIRECTION}[^.;!?\\n]{0,${LOOKBACK}}?(?:${BY_NUM}|${WORDED})`, 'giu');

function quantities(text: string): Span[] {
  const out: Span[] = [];
  const re = QUANTITY_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] && isYear(m[1])) continue;
    // An upper-case X is a product name ("Sage X3"), not a multiplier.
    if (m[4]?.includes('X')) continue;
    if (m[2] || m[4]) {
      out.push({ start, end });
      continue;
    }
    // A weak unit: wants a change word before it, or a comparison around it, in the same sentence.
    const from = Math.max(sentenceStart(text, start), start - LOOKBACK);
    const to = Math.min(sentenceEnd(text, end), end + LOOKAHEAD);
    const around = text.slice(from, to);
    if (lastDirection(text, from, start) >= 0 || COMPARISON_RE.test(around)) out.push({ start, end });
  }
  return out;
}

/** The first measurable target in `text`, quoted from its change word when there is one. */
export function findMeasurable(text: string): string | null {
  const spans = quantities(text);
  const verbThenNumber = CHANGE_BY_RE;
  verbThenNumber.lastIndex = 0;
  for (let m = verbThenNumber.exec(text); m; m = verbThenNumber.exec(text)) {
    const digits = /\d+(?:[.,]\d+)?$/u.exec(m[0]);
    if (digits && isYear(digits[0])) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
    break;
  }
  if (spans.length === 0) return null;
  spans.sort((a, b) => a.start - b.start);
  let { start, end } = spans[0] as Span;
  // Quote from the change word before it in the same sentence ("réduire de 30 %").
  const verb = lastDirection(text, Math.max(sentenceStart(text, start), start - LOOKBACK), start);
  if (verb >= 0) start = verb;
  // And over a unit right after a bare number ("by 20" + "%").
  const unit = UNIT_AT_START.exec(text.slice(end));
  if (unit) end += unit[0].length;
  return text.slice(start, end).trim();
}

export function findKpi(text: string): string | null {
  const m = KPI.exec(text);
  return m ? m[0] : null;
}

/**
 * What the project states about its business outcome: the `businessOutcome` field first, then the brief.
 * A measurable target anywhere beats a named indicator, which beats an outcome stated without either.
 */
export function detectOutcome(businessOutcome: string | null, brief: string): OutcomeEvidence {
  const stated = businessOutcome?.trim() ?? '';
  const sources = [
    { source: 'businessOutcome' as const, text: stated },
    { source: 'brief' as const, text: brief },
  ];
  for (const s of sources) {
    const hit = s.text ? findMeasurable(s.text) : null;
    if (hit) return { kind: 'measurable', source: s.source, text: hit };
  }
  for (const s of sources) {
    const hit = s.text ? findKpi(s.text) : null;
    if (hit) return { kind: 'kpi', source: s.source, text: hit };
  }
  if (stated) return { kind: 'stated', source: 'businessOutcome', text: stated.slice(0, 120) };
  return { kind: 'none', source: null, text: null };
}
