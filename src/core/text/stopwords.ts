import { normalizeText } from './normalize.js';
import { stemWord } from './tokenize.js';

const WORDS = `
a an the and or but nor of to in on at by for with without from into onto over under about above below
as is are was were be been being am do does did done have has had having will would shall should can could
may might must this that these those it its itself they them their theirs we us our ours you your yours he
him his she her hers i me my mine who whom whose which what when where why how all any both each few more
most other some such no not only own same so than too very also just per via etc e.g i.e using use used
within across between through during before after up down out off again further then once here there
le la les l un une des du de d et ou mais donc or ni car en au aux dans sur sous par pour avec sans chez
vers entre ce cet cette ces se sa son ses leur leurs notre nos votre vos mon ma mes ton ta tes il elle
ils elles on nous vous je tu me te lui y que qui quoi dont est sont être etre avoir a ont fait faire plus
moins très tres aussi comme tout tous toute toutes autre autres même meme afin ainsi
`;

/** English and French function words, folded and stemmed like text tokens: dropped from retrieval terms. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/)
    .filter(Boolean)
    .map((w) => stemWord(normalizeText(w))),
);
