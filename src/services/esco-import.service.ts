/**
 * `vivier taxonomy import esco <dir>`: reads the official ESCO CSV download (any languages present) and
 * writes it into the database in one transaction.
 *
 * Files are found by name anywhere under the directory:
 * - per language (`<lang>` = ISO 639-1): `skills_<lang>.csv`, `occupations_<lang>.csv` (at least one of
 *   each is required), `ISCOGroups_<lang>.csv`, `skillGroups_<lang>.csv`, `skillsHierarchy_<lang>.csv`;
 * - relations, with or without a language suffix (the suffix-less file, else the `_en` one, is used):
 *   `occupationSkillRelations*.csv`, `skillSkillRelations*.csv`, `broaderRelationsSkillPillar*.csv`,
 *   `broaderRelationsOccPillar*.csv`;
 * - extra label files: any other CSV whose header has `conceptUri` and `preferredLabel_<lang>` (with
 *   optional `altLabels_<lang>`, `description_<lang>`), such as `skills_fr_merged.csv`. They add labels in
 *   languages that have no main file; a language that has one keeps its official labels.
 *
 * Everything is read and checked before anything is written: a missing required file, a missing column
 * or a bad row is an error naming the file and the line, and nothing is imported. Relations whose
 * concept is in none of the concept files (the official v1.1.1 download has 67 such occupation→skill
 * rows) are skipped and counted in the result, never silently.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DomainError } from '../core/errors.js';
import {
  ESCO_RELATION_WEIGHT,
  escoIdFromUri,
  escoSkillType,
  isEscoOccupationUri,
  isEscoSkillUri,
  splitLabels,
  type EscoBroader,
  type EscoDataset,
  type EscoGroupKind,
  type EscoGroupRecord,
  type EscoLabel,
  type EscoOccupationRecord,
  type EscoOccupationSkill,
  type EscoRelationType,
  type EscoSkillRecord,
  type EscoSkillRelation,
  type EscoText,
} from '../core/esco/esco.js';
import { BUILTIN_SKILLS } from '../core/taxonomy/builtin-skills.js';
import { lineError, readCsv, readHeader, type CsvRow } from './csv-file.js';
import type { EscoCounts, Store } from './ports.js';
import type { TaxonomyService } from './taxonomy.service.js';

export interface ImportProgress {
  phase: 'read' | 'write';
  /** The file being read, or the table being written. */
  item: string;
  done: number;
  total: number;
  unit: 'bytes' | 'rows';
}

export interface EscoImportResult {
  languages: string[];
  /** Files used, relative to the import directory. */
  files: string[];
  counts: EscoCounts;
  /** Relation or label rows skipped because their concept is in no concept file; the first one. */
  skipped: { rows: number; first: string | null };
  /** Built-in skills whose ESCO URI is among the imported skills, and those whose URI is not. */
  builtinLinked: number;
  builtinUnresolved: string[];
  readMs: number;
  writeMs: number;
}

type LangRole = 'skills' | 'occupations' | 'isco' | 'skillGroups' | 'hierarchy';
type RelationRole = 'occupationSkill' | 'skillSkill' | 'broaderSkill' | 'broaderOcc';

const LANG_FILES: [LangRole, RegExp][] = [
  ['skills', /^skills_([a-z]{2,3})\.csv$/i],
  ['occupations', /^occupations_([a-z]{2,3})\.csv$/i],
  ['isco', /^ISCOGroups_([a-z]{2,3})\.csv$/i],
  ['skillGroups', /^skillGroups_([a-z]{2,3})\.csv$/i],
  ['hierarchy', /^skillsHierarchy_([a-z]{2,3})\.csv$/i],
];
const RELATION_FILES: [RelationRole, RegExp][] = [
  ['occupationSkill', /^occupationSkillRelations(?:_([a-z]{2,3}))?\.csv$/i],
  ['skillSkill', /^skillSkillRelations(?:_([a-z]{2,3}))?\.csv$/i],
  ['broaderSkill', /^broaderRelationsSkillPillar(?:_([a-z]{2,3}))?\.csv$/i],
  ['broaderOcc', /^broaderRelationsOccPillar(?:_([a-z]{2,3}))?\.csv$/i],
];

export interface EscoFiles {
  dir: string;
  byLang: Map<LangRole, Map<string, string>>;
  relations: Map<RelationRole, string>;
  extraLabels: { path: string; langs: string[] }[];
}

async function listCsv(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.csv')) out.push(p);
    }
  };
  await walk(dir);
  return out.sort();
}

/** Finds the ESCO files under `dir` (see the module comment); throws if a required file is missing. */
export async function discoverEscoFiles(dir: string): Promise<EscoFiles> {
  let info;
  try {
    info = await stat(dir);
  } catch {
    throw new DomainError('not_found', `ESCO directory "${dir}" does not exist`, 'dir');
  }
  if (!info.isDirectory()) throw new DomainError('invalid_input', `"${dir}" is not a directory`, 'dir');
  const byLang = new Map<LangRole, Map<string, string>>();
  const relationCandidates = new Map<RelationRole, { path: string; lang: string }[]>();
  const extraLabels: EscoFiles['extraLabels'] = [];
  const rel = (p: string) => relative(dir, p) || basename(p);
  for (const path of await listCsv(dir)) {
    const name = basename(path);
    const langRole = LANG_FILES.find(([, re]) => re.test(name));
    if (langRole) {
      const lang = (langRole[1].exec(name)?.[1] as string).toLowerCase();
      let m = byLang.get(langRole[0]);
      if (!m) byLang.set(langRole[0], (m = new Map()));
      const prev = m.get(lang);
      if (prev)
        throw new DomainError(
          'invalid_input',
          `two files for the same data: ${rel(prev)} and ${rel(path)}`,
          rel(path),
        );
      m.set(lang, path);
      continue;
    }
    const relRole = RELATION_FILES.find(([, re]) => re.test(name));
    if (relRole) {
      const lang = (relRole[1].exec(name)?.[1] ?? '').toLowerCase();
      const list = relationCandidates.get(relRole[0]) ?? [];
      list.push({ path, lang });
      relationCandidates.set(relRole[0], list);
      continue;
    }
    const header = await readHeader(path).catch(() => [] as string[]);
    if (!header.includes('conceptUri')) continue;
    const langs = header.flatMap((h) => /^preferredLabel_([a-z]{2,3})$/i.exec(h)?.[1]?.toLowerCase() ?? []);
    if (langs.length > 0) extraLabels.push({ path, langs });
  }
  const relations = new Map<RelationRole, string>();
  for (const [role, list] of relationCandidates) {
    const rank = (l: string) => (l === '' ? 0 : l === 'en' ? 1 : 2);
    list.sort((a, b) => rank(a.lang) - rank(b.lang) || (a.path < b.path ? -1 : 1));
    const chosen = list[0];
    if (chosen && list.filter((c) => rank(c.lang) === rank(chosen.lang) && c.lang === chosen.lang).length > 1)
      throw new DomainError(
        'invalid_input',
        `two files for the same data: ${list.map((c) => rel(c.path)).join(' and ')}`,
        rel(chosen.path),
      );
    if (chosen) relations.set(role, chosen.path);
  }
  if (!byLang.get('skills')?.size)
    throw new DomainError('not_found', `no skills_<lang>.csv file found under "${dir}"`, 'skills_<lang>.csv');
  if (!byLang.get('occupations')?.size)
    throw new DomainError(
      'not_found',
      `no occupations_<lang>.csv file found under "${dir}"`,
      'occupations_<lang>.csv',
    );
  return { dir, byLang, relations, extraLabels };
}

/** English first, then alphabetical: English labels and types win where files disagree. */
const langOrder = (a: string, b: string) => (a === 'en' ? -1 : b === 'en' ? 1 : a < b ? -1 : a > b ? 1 : 0);

interface Concept {
  labels: EscoLabel[];
  descriptions: EscoText[];
  labelKeys: Set<string>;
}

function newConcept(): Concept {
  return { labels: [], descriptions: [], labelKeys: new Set() };
}

function addLabel(c: Concept, lang: string, kind: EscoLabel['kind'], raw: string): void {
  const label = raw.replace(/\s+/g, ' ').trim();
  if (!label) return;
  const hasPreferred = c.labels.some((l) => l.lang === lang && l.kind === 'preferred');
  if (kind === 'preferred' && hasPreferred) kind = 'alias';
  if (kind !== 'preferred' && c.labelKeys.has(`${lang}\u0000preferred\u0000${label}`)) return;
  const key = `${lang}\u0000${kind}\u0000${label}`;
  if (c.labelKeys.has(key)) return;
  c.labelKeys.add(key);
  c.labels.push({ lang, kind, label });
}

function addDescription(c: Concept, lang: string, raw: string | undefined): void {
  const text = (raw ?? '').trim();
  if (!text || c.descriptions.some((d) => d.lang === lang)) return;
  c.descriptions.push({ lang, text });
}

function relationType(raw: string | undefined, name: string, line: number): EscoRelationType {
  const t = (raw ?? '').trim();
  if (t === 'essential' || t === 'optional') return t;
  throw lineError(name, line, `relationType must be "essential" or "optional", got "${t}"`);
}

/** Reads and checks every file; returns the dataset to write. Pure reading: writes nothing. */
export async function readEscoDataset(
  files: EscoFiles,
  onProgress?: (p: ImportProgress) => void,
): Promise<{ data: EscoDataset; used: string[]; skipped: EscoImportResult['skipped'] }> {
  const rel = (p: string) => relative(files.dir, p) || basename(p);
  const ordered: { path: string; read: (name: string, path: string) => Promise<void> }[] = [];
  const skills = new Map<string, Concept & { type: string; uri: string }>();
  const occupations = new Map<
    string,
    Concept & { uri: string; iscoCode: string | null; code: string | null }
  >();
  const groups = new Map<string, Concept & { uri: string; kind: EscoGroupKind; code: string | null }>();
  const broader = new Map<string, EscoBroader>();
  const skillBroader = new Map<string, string>();
  const occupationSkills = new Map<string, EscoOccupationSkill>();
  const skillRelations = new Map<string, EscoSkillRelation>();
  const languages = new Set<string>();
  const mainLangs = new Set<string>();
  const skipped = { rows: 0, first: null as string | null };
  const skip = (name: string, line: number, why: string) => {
    skipped.rows++;
    skipped.first ??= `${name} line ${line}: ${why}`;
  };
  const cell = (row: CsvRow, col: string) => (row[col] ?? '').trim();
  const need = (row: CsvRow, col: string, name: string, line: number): string => {
    const v = cell(row, col);
    if (!v) throw lineError(name, line, `empty ${col}`);
    return v;
  };

  const conceptRows =
    (
      lang: string,
      kind: 'skill' | 'occupation' | 'isco' | 'group',
    ): ((row: CsvRow, line: number, name: string, seen: Set<string>) => void) =>
    (row, line, name, seen) => {
      const uri = need(row, 'conceptUri', name, line);
      const valid =
        kind === 'skill'
          ? isEscoSkillUri(uri)
          : kind === 'occupation'
            ? isEscoOccupationUri(uri)
            : escoIdFromUri(uri) !== null;
      if (!valid) throw lineError(name, line, `conceptUri "${uri}" is not an ESCO ${kind} URI`);
      if (seen.has(uri)) throw lineError(name, line, `duplicate conceptUri "${uri}"`);
      seen.add(uri);
      const preferred = need(row, 'preferredLabel', name, line);
      const id = escoIdFromUri(uri) as string;
      let c: Concept;
      if (kind === 'skill') {
        let s = skills.get(id);
        if (!s) skills.set(id, (s = { ...newConcept(), uri, type: '' }));
        if (!s.type && cell(row, 'skillType')) s.type = cell(row, 'skillType');
        c = s;
      } else if (kind === 'occupation') {
        let o = occupations.get(id);
        if (!o) occupations.set(id, (o = { ...newConcept(), uri, iscoCode: null, code: null }));
        o.iscoCode ??= cell(row, 'iscoGroup') || null;
        o.code ??= cell(row, 'code') || null;
        c = o;
      } else {
        let g = groups.get(id);
        const groupKind: EscoGroupKind = kind === 'isco' ? 'isco-group' : 'skill-group';
        if (!g) groups.set(id, (g = { ...newConcept(), uri, kind: groupKind, code: null }));
        g.code ??= cell(row, 'code') || null;
        c = g;
      }
      addLabel(c, lang, 'preferred', preferred);
      for (const a of splitLabels(row.altLabels ?? '')) addLabel(c, lang, 'alias', a);
      for (const h of splitLabels(row.hiddenLabels ?? '')) addLabel(c, lang, 'hidden', h);
      addDescription(c, lang, row.description);
      languages.add(lang);
    };

  const perLang = (role: LangRole) =>
    [...(files.byLang.get(role) ?? new Map<string, string>())].sort((a, b) => langOrder(a[0], b[0]));
  const REQUIRED: Record<LangRole, string[]> = {
    skills: ['conceptUri', 'preferredLabel', 'altLabels', 'description'],
    occupations: ['conceptUri', 'preferredLabel', 'altLabels', 'description'],
    isco: ['conceptUri', 'code', 'preferredLabel'],
    skillGroups: ['conceptUri', 'preferredLabel'],
    hierarchy: ['Level 0 URI', 'Level 0 preferred term'],
  };
  const KIND: Record<Exclude<LangRole, 'hierarchy'>, 'skill' | 'occupation' | 'isco' | 'group'> = {
    skills: 'skill',
    occupations: 'occupation',
    isco: 'isco',
    skillGroups: 'group',
  };
  for (const role of ['skills', 'occupations', 'isco', 'skillGroups'] as const) {
    for (const [lang, path] of perLang(role)) {
      if (role === 'skills' || role === 'occupations') mainLangs.add(`${role}:${lang}`);
      const onRow = conceptRows(lang, KIND[role]);
      ordered.push({
        path,
        read: async (name) => {
          const seen = new Set<string>();
          await readCsvWithProgress(path, name, REQUIRED[role], (row, line) => onRow(row, line, name, seen));
        },
      });
    }
  }
  for (const [lang, path] of perLang('hierarchy')) {
    ordered.push({
      path,
      read: async (name) => {
        await readCsvWithProgress(path, name, REQUIRED.hierarchy, (row, line) => {
          let previous: string | null = null;
          for (let level = 0; level <= 3; level++) {
            const uri = cell(row, `Level ${level} URI`);
            if (!uri) break;
            const id = escoIdFromUri(uri);
            if (!id) throw lineError(name, line, `Level ${level} URI "${uri}" is not an ESCO URI`);
            let g = groups.get(id);
            if (!g) groups.set(id, (g = { ...newConcept(), uri, kind: 'skill-group', code: null }));
            g.code ??= cell(row, `Level ${level} code`) || null;
            const term = cell(row, `Level ${level} preferred term`);
            if (term && !g.labels.some((l) => l.lang === lang && l.kind === 'preferred'))
              addLabel(g, lang, 'preferred', term);
            if (previous) broader.set(`${id} ${previous}`, { id, broaderId: previous });
            previous = id;
          }
          languages.add(lang);
        });
      },
    });
  }
  for (const { path, langs } of files.extraLabels) {
    ordered.push({
      path,
      read: async (name) => {
        await readCsvWithProgress(path, name, ['conceptUri'], (row, line) => {
          const uri = need(row, 'conceptUri', name, line);
          const id = escoIdFromUri(uri);
          if (!id) throw lineError(name, line, `conceptUri "${uri}" is not an ESCO URI`);
          const target = isEscoSkillUri(uri)
            ? skills.get(id)
            : isEscoOccupationUri(uri)
              ? occupations.get(id)
              : groups.get(id);
          const pillar = isEscoSkillUri(uri) ? 'skills' : 'occupations';
          if (!target) return skip(name, line, `concept "${uri}" is in no concept file`);
          for (const lang of langs) {
            // A language with an official main file keeps its official labels.
            if (mainLangs.has(`${pillar}:${lang}`)) continue;
            const preferred = cell(row, `preferredLabel_${lang}`);
            if (preferred) addLabel(target, lang, 'preferred', preferred);
            for (const a of splitLabels(row[`altLabels_${lang}`] ?? '')) addLabel(target, lang, 'alias', a);
            addDescription(target, lang, row[`description_${lang}`]);
            if (preferred) languages.add(lang);
          }
        });
      },
    });
  }

  const relationFile = (
    role: RelationRole,
    required: string[],
    onRow: (row: CsvRow, line: number, name: string) => void,
  ) => {
    const path = files.relations.get(role);
    if (!path) return;
    ordered.push({
      path,
      read: async (name) => {
        await readCsvWithProgress(path, name, required, (row, line) => onRow(row, line, name));
      },
    });
  };
  relationFile('occupationSkill', ['occupationUri', 'relationType', 'skillUri'], (row, line, name) => {
    const occUri = need(row, 'occupationUri', name, line);
    const skillUri = need(row, 'skillUri', name, line);
    const relation = relationType(row.relationType, name, line);
    if (!isEscoOccupationUri(occUri))
      throw lineError(name, line, `"${occUri}" is not an ESCO occupation URI`);
    if (!isEscoSkillUri(skillUri)) throw lineError(name, line, `"${skillUri}" is not an ESCO skill URI`);
    const occupationId = escoIdFromUri(occUri) as string;
    const skillId = escoIdFromUri(skillUri) as string;
    if (!occupations.has(occupationId))
      return skip(name, line, `occupation "${occUri}" is in no occupations file`);
    if (!skills.has(skillId)) return skip(name, line, `skill "${skillUri}" is in no skills file`);
    const key = `${occupationId} ${skillId}`;
    const prev = occupationSkills.get(key);
    // Listed twice: essential wins.
    if (!prev || (prev.relation === 'optional' && relation === 'essential'))
      occupationSkills.set(key, { occupationId, skillId, relation });
  });
  relationFile('skillSkill', ['originalSkillUri', 'relationType', 'relatedSkillUri'], (row, line, name) => {
    const from = need(row, 'originalSkillUri', name, line);
    const to = need(row, 'relatedSkillUri', name, line);
    const relation = relationType(row.relationType, name, line);
    for (const u of [from, to])
      if (!isEscoSkillUri(u)) throw lineError(name, line, `"${u}" is not an ESCO skill URI`);
    const fromId = escoIdFromUri(from) as string;
    const toId = escoIdFromUri(to) as string;
    if (fromId === toId) return;
    if (!skills.has(fromId) || !skills.has(toId))
      return skip(name, line, `skill "${skills.has(fromId) ? to : from}" is in no skills file`);
    const key = `${fromId} ${toId}`;
    const weight = ESCO_RELATION_WEIGHT[relation];
    const prev = skillRelations.get(key);
    if (!prev || prev.weight < weight) skillRelations.set(key, { fromId, toId, relation, weight });
  });
  const broaderRow = (pillar: 'skill' | 'occupation') => (row: CsvRow, line: number, name: string) => {
    const uri = need(row, 'conceptUri', name, line);
    const broaderUri = need(row, 'broaderUri', name, line);
    const id = escoIdFromUri(uri);
    const broaderId = escoIdFromUri(broaderUri);
    if (!id) throw lineError(name, line, `conceptUri "${uri}" is not an ESCO URI`);
    if (!broaderId) throw lineError(name, line, `broaderUri "${broaderUri}" is not an ESCO URI`);
    const known = (x: string) => skills.has(x) || occupations.has(x) || groups.has(x);
    if (!known(id) || !known(broaderId))
      return skip(name, line, `concept "${known(id) ? broaderUri : uri}" is in no concept file`);
    broader.set(`${id} ${broaderId}`, { id, broaderId });
    if (pillar === 'skill' && skills.has(id) && skills.has(broaderId) && !skillBroader.has(id))
      skillBroader.set(id, broaderId);
  };
  relationFile('broaderSkill', ['conceptUri', 'broaderUri'], broaderRow('skill'));
  relationFile('broaderOcc', ['conceptUri', 'broaderUri'], broaderRow('occupation'));

  // Read in order, reporting bytes over all files.
  const sizes = await Promise.all(ordered.map(async (f) => (await stat(f.path)).size));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  let before = 0;
  let current = '';
  async function readCsvWithProgress(
    path: string,
    name: string,
    required: string[],
    onRow: (row: CsvRow, line: number) => void,
  ): Promise<void> {
    await readCsv(
      path,
      {
        name,
        required,
        onBytes: (b) =>
          onProgress?.({ phase: 'read', item: current, done: before + b, total: totalBytes, unit: 'bytes' }),
      },
      onRow,
    );
  }
  for (let i = 0; i < ordered.length; i++) {
    const f = ordered[i]!;
    current = rel(f.path);
    onProgress?.({ phase: 'read', item: current, done: before, total: totalBytes, unit: 'bytes' });
    await f.read(current, f.path);
    before += sizes[i]!;
  }
  onProgress?.({ phase: 'read', item: 'done', done: totalBytes, total: totalBytes, unit: 'bytes' });

  const byId = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const skillRecords: EscoSkillRecord[] = [...skills].sort(byId).map(([id, s]) => ({
    id,
    uri: s.uri,
    type: escoSkillType(s.type),
    broaderId: skillBroader.get(id) ?? null,
    labels: s.labels,
    descriptions: s.descriptions,
  }));
  const occupationRecords: EscoOccupationRecord[] = [...occupations].sort(byId).map(([id, o]) => ({
    id,
    uri: o.uri,
    iscoCode: o.iscoCode,
    code: o.code,
    labels: o.labels,
    descriptions: o.descriptions,
  }));
  const groupRecords: EscoGroupRecord[] = [...groups]
    .filter(([id]) => !skills.has(id) && !occupations.has(id))
    .sort(byId)
    .map(([id, g]) => ({
      id,
      uri: g.uri,
      kind: g.kind,
      code: g.code,
      labels: g.labels,
      descriptions: g.descriptions,
    }));
  const sortKey = <T>(m: Map<string, T>) => [...m].sort(byId).map(([, v]) => v);
  return {
    data: {
      skills: skillRecords,
      occupations: occupationRecords,
      groups: groupRecords,
      occupationSkills: sortKey(occupationSkills),
      skillRelations: sortKey(skillRelations),
      broader: sortKey(broader),
      languages: [...languages].sort(langOrder),
    },
    used: ordered.map((f) => rel(f.path)),
    skipped,
  };
}

export class EscoImportService {
  constructor(
    private readonly store: Store,
    private readonly taxonomy: TaxonomyService,
    private readonly onImported: () => void = () => {},
  ) {}

  /** Imports the ESCO download under `dir` in one transaction; nothing is written if anything is wrong. */
  async import(dir: string, onProgress?: (p: ImportProgress) => void): Promise<EscoImportResult> {
    const t0 = performance.now();
    const files = await discoverEscoFiles(dir);
    const { data, used, skipped } = await readEscoDataset(files, onProgress);
    const t1 = performance.now();
    const counts = await this.store.transaction((tx) =>
      tx.esco.replace(data, (done, total) =>
        onProgress?.({ phase: 'write', item: 'database', done, total, unit: 'rows' }),
      ),
    );
    const t2 = performance.now();
    this.taxonomy.invalidate();
    this.onImported();
    const uris = new Set(data.skills.map((s) => s.uri));
    const withUri = BUILTIN_SKILLS.filter((s) => s.esco);
    return {
      languages: data.languages,
      files: used,
      counts,
      skipped,
      builtinLinked: withUri.filter((s) => uris.has(s.esco as string)).length,
      builtinUnresolved: withUri.filter((s) => !uris.has(s.esco as string)).map((s) => s.id),
      readMs: Math.round(t1 - t0),
      writeMs: Math.round(t2 - t1),
    };
  }
}
