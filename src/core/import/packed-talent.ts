/**
 * A talent packed as a handful of strings and numbers: the stored form (one `talent` row, see
 * docs/decisions/0005-talent-storage-layout.md) and the form an import keeps between its two passes.
 *
 * Scalars stay scalars; each list is one JSON text, its items positional tuples rather than objects (a
 * third of the bytes, and no key to write or read):
 * - skills, sorted by id: `[skillId, level, evidence, years, lastUsed, evidenceDetail]`
 * - availability, in order: `[start, end, daysPerWeek]`
 * - missions, in order: `[title, organization, start, end, industry, businessFunction, outcome, [skillId…]]`
 * - languages, industries, functions: plain JSON arrays.
 *
 * Packing is deterministic, so an import recognises an unchanged record by comparing packed fields
 * (`samePacked`), without unpacking the stored one.
 */
import type {
  AvailabilityWindow,
  BusinessFunction,
  Industry,
  Mission,
  Outcome,
  RemotePreference,
  Talent,
  TalentSkill,
} from '../model.js';
import type { TalentSource } from '../matching/types.js';

export interface PackedTalent {
  externalId: string | null;
  source: TalentSource;
  name: string;
  email: string | null;
  phone: string | null;
  headline: string;
  occupationId: string | null;
  location: string;
  remote: RemotePreference;
  dailyCost: number;
  consentAt: string | null;
  retainUntil: string | null;
  /** JSON texts. */
  languages: string;
  industries: string;
  functions: string;
  skills: string;
  availability: string;
  missions: string;
}

/**
 * A talent row as an import writes it: packed by the import's first pass and written as it is, never
 * unpacked and packed again on the way (that cost an import ≈ 30 µs a talent, and the talents it made
 * lived until their transaction committed).
 */
export interface PackedTalentRow {
  id: string;
  packed: PackedTalent;
}

type SkillTuple = [string, number, string | null, number | null, string | null, string | null];
type WindowTuple = [string, string, number];
type MissionTuple = [
  string,
  string | null,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string[],
];

const bySkill = (a: TalentSkill, b: TalentSkill) =>
  a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0;

/** Skills by id (the stored order), without copying when they already are. */
function sortedSkills(skills: readonly TalentSkill[]): readonly TalentSkill[] {
  for (let i = 1; i < skills.length; i++)
    if (bySkill(skills[i - 1] as TalentSkill, skills[i] as TalentSkill) > 0) return [...skills].sort(bySkill);
  return skills;
}

/** Packs a talent (its id aside); skills are sorted by id on the way. */
export function packTalent(t: Talent): PackedTalent {
  return {
    externalId: t.externalId,
    source: t.source,
    name: t.name,
    email: t.email,
    phone: t.phone,
    headline: t.headline,
    occupationId: t.occupationId,
    location: t.location,
    remote: t.remote,
    dailyCost: t.dailyCost,
    consentAt: t.consentAt,
    retainUntil: t.retainUntil,
    languages: JSON.stringify(t.languages),
    industries: JSON.stringify(t.industries),
    functions: JSON.stringify(t.functions),
    // One JSON.stringify per list of tuples: a hand-built string with a stringify per field measured
    // three times slower (the per-call cost dominates for short values).
    skills: JSON.stringify(
      sortedSkills(t.skills).map((s): SkillTuple => [
        s.skillId,
        s.level,
        s.evidence,
        s.years,
        s.lastUsed,
        s.evidenceDetail,
      ]),
    ),
    availability: JSON.stringify(t.availability.map((w): WindowTuple => [w.start, w.end, w.daysPerWeek])),
    missions: JSON.stringify(
      t.missions.map((m): MissionTuple => [
        m.title,
        m.organization,
        m.start,
        m.end,
        m.industry,
        m.businessFunction,
        m.outcome,
        m.skills,
      ]),
    ),
  };
}

/**
 * The same packed text means the same content (packing is deterministic). The converse does not hold for
 * text packed elsewhere (migration 0005 packed the rows of earlier versions in SQL, with its own number and
 * spacing formats): a caller that finds different text and must know compares the unpacked talents.
 */
export function samePacked(a: PackedTalent, b: PackedTalent): boolean {
  return (
    a.skills === b.skills &&
    a.missions === b.missions &&
    a.availability === b.availability &&
    a.name === b.name &&
    a.dailyCost === b.dailyCost &&
    a.externalId === b.externalId &&
    a.email === b.email &&
    a.source === b.source &&
    a.phone === b.phone &&
    a.headline === b.headline &&
    a.occupationId === b.occupationId &&
    a.location === b.location &&
    a.remote === b.remote &&
    a.consentAt === b.consentAt &&
    a.retainUntil === b.retainUntil &&
    a.languages === b.languages &&
    a.industries === b.industries &&
    a.functions === b.functions
  );
}

/** The talent `id` holding packed content. */
export function unpackTalent(id: string, p: PackedTalent): Talent {
  return {
    id,
    externalId: p.externalId,
    source: p.source,
    name: p.name,
    email: p.email,
    phone: p.phone,
    headline: p.headline,
    occupationId: p.occupationId,
    location: p.location,
    remote: p.remote,
    languages: JSON.parse(p.languages) as string[],
    dailyCost: p.dailyCost,
    skills: unpackSkills(p.skills),
    industries: JSON.parse(p.industries) as Industry[],
    functions: JSON.parse(p.functions) as BusinessFunction[],
    availability: unpackWindows(p.availability),
    missions: unpackMissions(p.missions),
    consentAt: p.consentAt,
    retainUntil: p.retainUntil,
  };
}

export function unpackSkills(text: string): TalentSkill[] {
  return (JSON.parse(text) as SkillTuple[]).map((s) => ({
    skillId: s[0],
    level: s[1],
    evidence: s[2],
    years: s[3],
    lastUsed: s[4],
    evidenceDetail: s[5],
  }));
}

export function unpackWindows(text: string): AvailabilityWindow[] {
  return (JSON.parse(text) as WindowTuple[]).map((w) => ({ start: w[0], end: w[1], daysPerWeek: w[2] }));
}

export function unpackMissions(text: string): Mission[] {
  return (JSON.parse(text) as MissionTuple[]).map((m) => ({
    title: m[0],
    organization: m[1],
    start: m[2],
    end: m[3],
    industry: m[4] as Industry | null,
    businessFunction: m[5] as BusinessFunction | null,
    skills: m[7],
    outcome: m[6] as Outcome | null,
  }));
}
