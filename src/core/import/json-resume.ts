/**
 * JSON Resume (jsonresume.org schema) ⇄ Talent. Mapping: basics → name, email, phone, label (headline),
 * location; work → missions (name → organization, position → title, dates), whose summary and highlights
 * go through the skills extractor to give the mission's skills; skills[].name and .keywords → taxonomy
 * skills by label, with `level` words (Master, Expert, Advanced, Intermediate, Beginner) → 1–5. A name the
 * taxonomy does not know is reported, never turned into a skill. Fields JSON Resume has no place for
 * (source, day rate, availability…) travel in `meta.vivier`.
 */
import { extractSkills } from '../extraction/extract-skills.js';
import type { SkillMatcher } from '../extraction/skill-matcher.js';
import { EVIDENCE_KINDS, type EvidenceKind, type Talent } from '../model.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { levelFromWord, resolveSkillName, type SkillNameIndex } from './skill-names.js';
import type { Decoded, FieldIssue } from './types.js';

export interface ResumeContext {
  tax: Taxonomy;
  matcher: SkillMatcher;
  names: SkillNameIndex;
  /** Whether these people are employees or freelancers, when the résumé does not say (meta.vivier.source). */
  source?: 'employee' | 'freelance';
}

/** Level given to a skill named without a level word or cue. */
export const DEFAULT_DECLARED_LEVEL = 3;

const LANGUAGE_CODES: Record<string, string> = {
  english: 'en',
  anglais: 'en',
  french: 'fr',
  francais: 'fr',
  german: 'de',
  allemand: 'de',
  deutsch: 'de',
  spanish: 'es',
  espagnol: 'es',
  espanol: 'es',
  italian: 'it',
  italien: 'it',
  italiano: 'it',
  portuguese: 'pt',
  portugais: 'pt',
  dutch: 'nl',
  neerlandais: 'nl',
  arabic: 'ar',
  arabe: 'ar',
  chinese: 'zh',
  chinois: 'zh',
  mandarin: 'zh',
  japanese: 'ja',
  japonais: 'ja',
  russian: 'ru',
  russe: 'ru',
  polish: 'pl',
  polonais: 'pl',
};

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

export function languageCode(name: string): string | null {
  const f = fold(name);
  if (/^[a-z]{2}$/.test(f)) return f;
  return LANGUAGE_CODES[f] ?? null;
}

/** "2020" → 2020-01-01, "2020-03" → 2020-03-01, "2020-03-15" stays; anything else is null. */
export function resumeDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (/^\d{4}$/.test(s)) return `${s}-01-01`;
  if (/^\d{4}-\d{2}$/.test(s)) return `${s}-01`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const strongest = (a: EvidenceKind, b: EvidenceKind): EvidenceKind =>
  EVIDENCE_KINDS.indexOf(a) <= EVIDENCE_KINDS.indexOf(b) ? a : b;

interface SkillDraft {
  skillId: string;
  level: number;
  evidence: EvidenceKind;
  years: null;
  lastUsed: string | null;
  evidenceDetail: string;
}

export function talentFromJsonResume(resume: unknown, ctx: ResumeContext): Decoded {
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  if (!isObject(resume)) {
    return {
      value: null,
      issues: [{ field: '(record)', message: 'expected a JSON Resume object' }],
      warnings,
    };
  }
  const basics = isObject(resume.basics) ? resume.basics : {};
  const meta = isObject(resume.meta) && isObject(resume.meta.vivier) ? resume.meta.vivier : {};
  const name = str(basics.name);
  if (name === null) issues.push({ field: 'basics.name', message: 'required' });
  const loc = isObject(basics.location) ? basics.location : {};
  const location = [str(loc.city), str(loc.region), str(loc.countryCode)]
    .filter((x) => x !== null)
    .join(', ');

  const skills = new Map<string, SkillDraft>();
  const addSkill = (d: SkillDraft) => {
    const held = skills.get(d.skillId);
    if (!held) skills.set(d.skillId, d);
    else {
      held.level = Math.max(held.level, d.level);
      if (strongest(d.evidence, held.evidence) === d.evidence && d.evidence !== held.evidence) {
        held.evidence = d.evidence;
        held.evidenceDetail = d.evidenceDetail;
      }
      if (d.lastUsed !== null && (held.lastUsed === null || d.lastUsed > held.lastUsed))
        held.lastUsed = d.lastUsed;
    }
  };

  const declared = Array.isArray(resume.skills) ? resume.skills : [];
  declared.forEach((s, i) => {
    if (!isObject(s)) return;
    const level =
      levelFromWord(typeof s.level === 'number' ? s.level : str(s.level)) ?? DEFAULT_DECLARED_LEVEL;
    const names: [string, string][] = [];
    const n = str(s.name);
    if (n !== null) names.push([`skills[${i}].name`, n]);
    if (Array.isArray(s.keywords))
      s.keywords.forEach((k, j) => {
        const kw = str(k);
        if (kw !== null) names.push([`skills[${i}].keywords[${j}]`, kw]);
      });
    for (const [field, written] of names) {
      const id = resolveSkillName(ctx.names, written);
      if (id === null) {
        // A group name ("Web Development") is often not a skill; say so only when it is also not a keyword group.
        warnings.push({ field, message: `"${written}" is not in the taxonomy; not imported` });
        continue;
      }
      addSkill({
        skillId: id,
        level,
        evidence: 'self',
        years: null,
        lastUsed: null,
        evidenceDetail: written,
      });
    }
  });

  const work = Array.isArray(resume.work) ? resume.work : [];
  const missions = work.map((w, i) => {
    const job = isObject(w) ? w : {};
    const title = str(job.position);
    const organization = str(job.name) ?? str(job.company);
    const start = resumeDate(job.startDate);
    const end =
      job.endDate === undefined || job.endDate === null || job.endDate === ''
        ? null
        : resumeDate(job.endDate);
    if (title === null) issues.push({ field: `work[${i}].position`, message: 'required' });
    if (start === null)
      issues.push({
        field: `work[${i}].startDate`,
        message: `expected a date YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(job.startDate ?? null)}`,
      });
    if (end === null && job.endDate !== undefined && job.endDate !== null && job.endDate !== '')
      issues.push({
        field: `work[${i}].endDate`,
        message: `expected a date, got ${JSON.stringify(job.endDate)}`,
      });
    const texts = [
      str(job.summary),
      ...(Array.isArray(job.highlights) ? job.highlights.map(str) : []),
    ].filter((x): x is string => x !== null);
    const extraction = texts.length > 0 ? extractSkills(ctx.tax, ctx.matcher, texts.join('\n')) : null;
    const missionSkills = extraction ? extraction.skills.map((s) => s.skillId) : [];
    for (const s of extraction?.skills ?? []) {
      addSkill({
        skillId: s.skillId,
        level: s.level ?? DEFAULT_DECLARED_LEVEL,
        evidence: 'mission',
        years: null,
        lastUsed: end,
        evidenceDetail: [title, organization].filter((x) => x !== null).join(' @ '),
      });
    }
    return {
      title: title ?? '',
      organization,
      start: start ?? '',
      end,
      industry: null,
      businessFunction: null,
      skills: missionSkills.sort(),
      outcome: null,
    };
  });

  const languages: string[] = [];
  const langs = Array.isArray(resume.languages) ? resume.languages : [];
  langs.forEach((l, i) => {
    const written = isObject(l) ? str(l.language) : null;
    if (written === null) return;
    const code = languageCode(written);
    if (code === null)
      warnings.push({
        field: `languages[${i}].language`,
        message: `"${written}" is not a known language; not imported`,
      });
    else if (!languages.includes(code)) languages.push(code);
  });

  const email = str(basics.email);
  const value = {
    ...(str(meta.id) !== null ? { id: str(meta.id) } : {}),
    externalId: str(meta.externalId),
    source: str(meta.source) ?? ctx.source ?? '',
    name: name ?? '',
    email: email === null ? null : email.toLowerCase(),
    phone: str(basics.phone),
    headline: str(basics.label) ?? '',
    occupationId: null,
    location,
    remote: str(meta.remote) ?? 'hybrid',
    languages,
    dailyCost: typeof meta.dailyCost === 'number' ? meta.dailyCost : 0,
    skills: [...skills.values()],
    industries: Array.isArray(meta.industries) ? meta.industries : [],
    functions: Array.isArray(meta.functions) ? meta.functions : [],
    availability: Array.isArray(meta.availability) ? meta.availability : [],
    missions,
    consentAt: str(meta.consentAt),
    retainUntil: str(meta.retainUntil),
  };
  if (value.source === '')
    issues.push({
      field: 'meta.vivier.source',
      message: 'the résumé does not say employee or freelance; pass --source employee|freelance',
    });
  return { value, issues, warnings };
}

const LEVEL_WORD = ['', 'Beginner', 'Elementary', 'Intermediate', 'Advanced', 'Expert'];

/** A talent as a JSON Resume document; what the schema has no place for goes to `meta.vivier`. */
export function talentToJsonResume(t: Talent, tax: Taxonomy): Record<string, unknown> {
  return {
    basics: {
      name: t.name,
      label: t.headline,
      ...(t.email ? { email: t.email } : {}),
      ...(t.phone ? { phone: t.phone } : {}),
      location: { city: t.location },
    },
    work: t.missions.map((m) => ({
      ...(m.organization ? { name: m.organization } : {}),
      position: m.title,
      startDate: m.start,
      ...(m.end ? { endDate: m.end } : {}),
      highlights: m.skills.map((id) => tax.byId.get(id)?.labels.en.label ?? id),
    })),
    skills: t.skills.map((s) => ({
      name: tax.byId.get(s.skillId)?.labels.en.label ?? s.skillId,
      level: LEVEL_WORD[s.level] ?? String(s.level),
    })),
    languages: t.languages.map((l) => ({ language: l })),
    meta: {
      vivier: {
        id: t.id,
        externalId: t.externalId,
        source: t.source,
        dailyCost: t.dailyCost,
        remote: t.remote,
        industries: t.industries,
        functions: t.functions,
        availability: t.availability,
        consentAt: t.consentAt,
        retainUntil: t.retainUntil,
      },
    },
  };
}
