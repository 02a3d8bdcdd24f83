import { describe, expect, it } from 'vitest';
import { BUILTIN_SKILLS } from '../taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../taxonomy/taxonomy.js';
import { detectLanguage, LanguageTally } from '../text/detect-language.js';
import { formKeys, tokenize } from '../text/tokenize.js';
import { buildSkillMatcher, findMatches, matcherForms, scanTokens, UNKNOWN_WORD } from './skill-matcher.js';

const tax = buildTaxonomy(BUILTIN_SKILLS);
const matcher = buildSkillMatcher(tax);

/** tokenize's tokens as the scanner should give them: offsets and the key's word id (0 if unknown). */
function expected(text: string) {
  return tokenize(text).map((t) => {
    const id = matcher.words.get(t.key);
    return [t.start, t.end, id < 0 ? UNKNOWN_WORD : id];
  });
}

function scanned(text: string) {
  const s = scanTokens(matcher, text);
  return Array.from({ length: s.count }, (_, i) => [s.starts[i], s.ends[i], s.words[i]]);
}

describe('scanTokens', () => {
  it('cuts and keys a text exactly as tokenize does', () => {
    const texts = [
      "L'IA générative et C++ / .NET; R&D (R) — Go, 5 ans de Python!",
      'Administratrices et administrateurs des bases de données: Kubernetes, Terraform?',
      'fine-tuning des LLMs, vector-databases, MLOps/LLMOps et n8n',
      'İstanbul, ΣΟΦΙΑ et 𝐏𝐲𝐭𝐡𝐨𝐧 : des caractères qui ne se plient pas seuls',
      'x'.repeat(3000) + ' Python',
      '',
      '   ',
      'Œuvres, cœur, Ærø, straße, ÉLÈVES, ﬁnance, ½ 2024-06-30 10h30',
    ];
    let seed = 11;
    const alphabet = "abcdeinorstuxzÉéèœİΣ𝐏'’-+#./&;,:!?() 0123\n";
    for (let n = 0; n < 200; n++) {
      let s = '';
      for (let i = 0; i < 60; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += [...alphabet][seed % [...alphabet].length];
      }
      texts.push(s);
    }
    for (const t of texts) expect(scanned(t), t).toEqual(expected(t));
  });

  it('knows every key of every dictionary form', () => {
    const missing: string[] = [];
    for (const form of matcherForms(matcher))
      for (const k of formKeys(form)) if (matcher.words.get(k) <= 0) missing.push(`${form}: ${k}`);
    expect(missing).toEqual([]);
  });
});

describe('scanTokens language tally', () => {
  it('detects the language as detectLanguage does, word by word and unit by unit', () => {
    // Function words glued by what makes the scanner's words differ from the detector's: apostrophes
    // (l'équipe), digits (a1), letters outside the detector's (ñ, á), ê/è (être, très), İ (string path).
    const pieces = [
      ...'le la les de des et est dans sans être très tres the a an and of to is with without'.split(' '),
      "l'",
      "d'",
      "'",
      '’',
      'a1',
      '2',
      'ñ',
      'á',
      'é',
      'Ê',
      'THE',
      'LES',
      'x',
      'data',
      'İ',
      ' ',
      ' ',
      ' ',
      '-',
      '.',
      '\n',
    ];
    const texts = ["L'équipe est TRÈS motivée et c'est pour l'IA", "the team's data, l'ETL d'abord'e", ''];
    let seed = 5;
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let i = 0; i < 30; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += pieces[seed % pieces.length];
      }
      texts.push(s);
    }
    let tallied = 0;
    for (const t of texts)
      for (const fallback of ['en', 'fr'] as const) {
        const tally = new LanguageTally();
        const s = scanTokens(matcher, t, undefined, tally);
        if (!s.tallied) continue;
        tallied++;
        expect(tally.result(fallback), t).toBe(detectLanguage(t, fallback));
      }
    // Texts with İ take the string path; most do not.
    expect(tallied).toBeGreaterThan(2000);
  });
});

describe('findMatches', () => {
  it('takes the longest form at each position, left to right', () => {
    const text = 'machine learning engineer with large language models and Apache Spark';
    const s = scanTokens(matcher, text);
    const spans = findMatches(matcher, s).map((m) => text.slice(s.starts[m.from], s.ends[m.to - 1]));
    expect(spans).toEqual(expect.arrayContaining(['machine learning', 'large language models']));
    expect(spans).not.toContain('machine');
  });

  it('finds every form of the dictionary, alone, whole: edges at every depth (pairs, then kids)', () => {
    const forms = matcherForms(matcher);
    // The built-in taxonomy has forms of three words and more, which walk kids past the second word.
    expect(forms.filter((f) => formKeys(f).length >= 4).length).toBeGreaterThan(5);
    const wrong = forms.filter((form) => {
      const s = scanTokens(matcher, form);
      const m = findMatches(matcher, s);
      return (
        m.length !== 1 ||
        m[0]?.from !== 0 ||
        m[0].to !== s.count ||
        !m[0].entries.some((e) => e.form === form)
      );
    });
    expect(wrong).toEqual([]);
  });
});
