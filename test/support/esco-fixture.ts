/**
 * A tiny ESCO download written by the tests themselves: the real file names, headers and quirks (labels
 * one per line inside quoted cells, relation files without a language suffix, an extra French label file).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SKILL = 'http://data.europa.eu/esco/skill/';
const OCC = 'http://data.europa.eu/esco/occupation/';

export const FX = {
  musicStaff: `${SKILL}0005c151-5b5a-4a66-8aac-60e734beb1ab`,
  python: `${SKILL}ccd0a1d9-afda-43d9-b901-96344886e14d`,
  accounting: `${SKILL}1a2b3c4d-0000-4000-8000-00000000acc1`,
  dataAnalysis: `${SKILL}1a2b3c4d-0000-4000-8000-0000000da7a1`,
  bigData: `${SKILL}1a2b3c4d-0000-4000-8000-0000000b16d1`,
  /** The real ESCO URI: the built-in role 'data-analyst' links to it too. */
  dataAnalyst: `${OCC}d3edb8f8-3a06-47a0-8fb9-9b212c006aa2`,
  accountant: `${OCC}2a2b3c4d-0000-4000-8000-00000000acc7`,
  ictGroup: 'http://data.europa.eu/esco/isced-f/0613',
  isco2511: 'http://data.europa.eu/esco/isco/C2511',
  isco2411: 'http://data.europa.eu/esco/isco/C2411',
} as const;

/** ESCO id of a URI, as the importer derives it. */
export const escoId = (uri: string): string =>
  `esco:${uri.replace(/^http:\/\/data\.europa\.eu\/esco\/(?:skill|occupation)\//, '').replace('http://data.europa.eu/esco/', '')}`;

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

export const FIXTURE_FILES: Record<string, string> = {
  'en/skills_en.csv': [
    'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description',
    `KnowledgeSkillCompetence,${FX.musicStaff},skill/competence,sector-specific,manage musical staff,${q('manage staff of music\ndirect musical staff\nmanage musical staff')},,released,2016-12-20T17:43:43Z,,,${q('http://data.europa.eu/esco/concept-scheme/skills,\nhttp://data.europa.eu/esco/concept-scheme/member-skills')},${q('Assign and manage staff tasks in areas such as scoring, arranging and copying music.')}`,
    `KnowledgeSkillCompetence,${FX.python},knowledge,cross-sector,Python (computer programming),${q('Python')},,released,,,,,${q('The techniques and principles of software development in Python.')}`,
    `KnowledgeSkillCompetence,${FX.accounting},knowledge,cross-sector,accounting,${q('bookkeeping\naccountancy')},,released,,,,,${q('The documentation and processing of data about financial activities, the ledgers and the accounts.')}`,
    `KnowledgeSkillCompetence,${FX.dataAnalysis},skill/competence,cross-sector,perform data analysis,${q('analyse data\ndata analysis')},,released,,,,,${q('Collect and evaluate numerical data in large quantities.')}`,
    `KnowledgeSkillCompetence,${FX.bigData},skill/competence,cross-sector,analyse big data,${q('big data analytics')},,released,,,,,${q('Collect and evaluate numerical data in large quantities to identify patterns.')}`,
  ].join('\n'),
  'en/occupations_en.csv': [
    'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code',
    `Occupation,${FX.dataAnalyst},2511,data analyst,${q('data analysis specialist\ndata analyst')},,released,,,,,,${q('Data analysts import, inspect, clean and model data.')},2511.3`,
    `Occupation,${FX.accountant},2411,accountant,${q('chartered accountant\ncertified accountant')},,released,,,,,,${q('Accountants analyse financial statements.')},2411.1`,
  ].join('\n'),
  'fr/occupations_fr.csv': [
    'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code',
    `Occupation,${FX.dataAnalyst},2511,analyste de données,${q('analyste des données\nanalyste de données')},,released,,,,,,${q('Les analystes de données importent et modélisent des données.')},2511.3`,
    `Occupation,${FX.accountant},2411,comptable/comptable,${q('expert-comptable\nexperte-comptable')},,released,,,,,,,2411.1`,
  ].join('\n'),
  'en/skillGroups_en.csv': [
    'conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code',
    `SkillGroup,${FX.ictGroup},software and applications development and analysis,,,released,,,,,0613`,
  ].join('\n'),
  'en/ISCOGroups_en.csv': [
    'conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description',
    `ISCOGroup,${FX.isco2511},2511,Systems analysts,released,,,`,
    `ISCOGroup,${FX.isco2411},2411,Accountants,released,,,`,
  ].join('\n'),
  'skills_fr_merged.csv': [
    'conceptUri,skillType,preferredLabel_en,preferredLabel_fr,altLabels_fr,source_fr',
    `${FX.accounting},knowledge,accounting,comptabilité,tenue de livres|comptabilité générale,test`,
    `${FX.dataAnalysis},skill/competence,perform data analysis,effectuer des analyses de données,analyser des données,test`,
  ].join('\n'),
  'relations/occupationSkillRelations.csv': [
    'occupationUri,relationType,skillType,skillUri',
    `${FX.dataAnalyst},essential,skill/competence,${FX.dataAnalysis}`,
    `${FX.dataAnalyst},optional,knowledge,${FX.python}`,
    `${FX.accountant},essential,knowledge,${FX.accounting}`,
  ].join('\n'),
  'relations/skillSkillRelations.csv': [
    'originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri',
    `${FX.bigData},skill/competence,essential,knowledge,${FX.python}`,
    `${FX.accounting},knowledge,optional,skill/competence,${FX.dataAnalysis}`,
  ].join('\n'),
  'relations/broaderRelationsSkillPillar.csv': [
    'conceptType,conceptUri,broaderType,broaderUri',
    `KnowledgeSkillCompetence,${FX.python},SkillGroup,${FX.ictGroup}`,
    `KnowledgeSkillCompetence,${FX.bigData},KnowledgeSkillCompetence,${FX.dataAnalysis}`,
  ].join('\n'),
  'relations/broaderRelationsOccPillar.csv': [
    'conceptType,conceptUri,broaderType,broaderUri',
    `Occupation,${FX.dataAnalyst},ISCOGroup,${FX.isco2511}`,
    `Occupation,${FX.accountant},ISCOGroup,${FX.isco2411}`,
  ].join('\n'),
};

/** Writes the fixture (with `changes` applied: a file's new content, or null to leave it out) to a temp dir. */
export function writeEscoFixture(changes: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'vivier-esco-'));
  for (const [name, content] of Object.entries({ ...FIXTURE_FILES, ...changes })) {
    if (content === null) continue;
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${content}\n`);
  }
  return dir;
}
