import type { Lang } from '../taxonomy/types.js';

const FR = new Set(
  'le la les des du de un une et est sont pour dans avec sur nous vous qui que au aux ce cette ces pas sans ou être avoir notre nos votre vos leur leurs il elle ils en par plus mais très aussi'.split(
    ' ',
  ),
);
const EN = new Set(
  'the a an and is are for in with on we you who that this these not without or be have our your their it they by more but very also of to will'.split(
    ' ',
  ),
);

/**
 * French or English from function words. Ties and texts with no function word default to `fallback`:
 * short inputs such as a job title carry too little signal to override the caller's hint.
 */
export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  let fr = 0;
  let en = 0;
  for (const w of text.toLowerCase().split(/[^a-zàâçéèêëîïôûùüÿœ']+/)) {
    const word = w.includes("'") ? (w.split("'")[1] ?? w) : w;
    if (FR.has(word)) fr++;
    if (EN.has(word)) en++;
  }
  if (fr === en) return fallback;
  return fr > en ? 'fr' : 'en';
}
