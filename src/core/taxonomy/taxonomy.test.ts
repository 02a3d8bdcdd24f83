// The ESCO cross-check reads the optional local ESCO download; core code itself stays free of I/O.
// eslint-disable-next-line no-restricted-imports
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARCHETYPE_TEMPLATES, ROLES } from '../demo/demo-vocabulary.js';
import { BUILTIN_SKILLS, BUILTIN_TAXONOMY_VERSION, type SkillDef } from './builtin-skills.js';
import { BUILTIN_ROLES, type RoleDef } from './data/roles.js';
import { buildTaxonomy, defSurfaceForms, searchSkills, surfaceKey, validateSkillDefs } from './taxonomy.js';
import { DOMAINS, SKILL_TYPES } from './types.js';
import { validateRoleDefs } from './validate-roles.js';

/** The ids the first release shipped: projects, profiles, the demo and other tests store them. */
const FIRST_RELEASE_IDS =
  `machine-learning deep-learning nlp computer-vision generative-ai llm open-weight-llm mistral
llama openai-api prompt-engineering rag embeddings vector-database ai-agents langchain llm-fine-tuning llm-evaluation
mlops llmops pytorch tensorflow scikit-learn hugging-face data-science forecasting document-ai speech-ai
recommender-systems statistics python r-language sql pandas spark hadoop databricks snowflake bigquery data-engineering
airflow dbt kafka data-warehouse data-modeling data-architecture data-quality data-visualization business-intelligence
power-bi tableau excel sas postgresql nosql master-data cloud-computing aws azure gcp ovhcloud scaleway kubernetes docker
terraform devops cloud-architecture finops linux cybersecurity iam appsec cloud-security soc pentest cryptography
ai-security iso-27001 secnumcloud nis2 gdpr dpo ai-act ai-governance data-governance dora model-risk risk-management
compliance power-platform low-code make zapier n8n bubble rpa process-automation javascript typescript java scala golang
csharp cpp c-language react api-design software-architecture software-testing git search-engines agile
project-management product-management change-management business-analysis training ux-design`.split(/\s+/);

const skillIds = new Set(BUILTIN_SKILLS.map((s) => s.id));
const BUILTIN_DOMAINS = DOMAINS.filter((d) => d !== 'general');

const def = (id: string, extra: Partial<SkillDef> = {}): SkillDef => ({
  id,
  domain: 'ai',
  type: 'skill',
  en: `${id} en`,
  fr: `${id} fr`,
  ...extra,
});

describe('built-in taxonomy', () => {
  it('has at least 800 skills, a version and both labels on every skill', () => {
    expect(BUILTIN_SKILLS.length).toBeGreaterThanOrEqual(800);
    expect(BUILTIN_TAXONOMY_VERSION).toMatch(/^\d{4}\.\d+\.\d+$/);
    for (const s of BUILTIN_SKILLS) {
      expect(s.en.trim(), s.id).not.toBe('');
      expect(s.fr.trim(), s.id).not.toBe('');
      expect(SKILL_TYPES).toContain(s.type);
    }
  });

  it('has at least 40 skills in every domain, and none in the ESCO-only "general" domain', () => {
    const count = new Map<string, number>();
    for (const s of BUILTIN_SKILLS) count.set(s.domain, (count.get(s.domain) ?? 0) + 1);
    for (const d of BUILTIN_DOMAINS) expect(count.get(d) ?? 0, d).toBeGreaterThanOrEqual(40);
    expect(count.get('general')).toBeUndefined();
  });

  it('validates with no problem and builds', () => {
    expect(validateSkillDefs(BUILTIN_SKILLS)).toEqual([]);
    const tax = buildTaxonomy(BUILTIN_SKILLS);
    expect(tax.skills).toHaveLength(BUILTIN_SKILLS.length);
  });

  it('keeps every id of the first release', () => {
    expect(FIRST_RELEASE_IDS).toHaveLength(118);
    for (const id of FIRST_RELEASE_IDS) expect(skillIds.has(id), id).toBe(true);
  });

  it('covers every industry and business function of the model', () => {
    const business = BUILTIN_SKILLS.filter((s) => s.domain === 'business').map((s) => s.id);
    for (const id of ['banking', 'insurance', 'retail', 'manufacturing', 'energy-sector', 'healthcare']) {
      expect(business, id).toContain(id);
    }
    for (const id of ['public-sector', 'telecom', 'transport-logistics', 'media', 'customer-service']) {
      expect(business, id).toContain(id);
    }
    for (const id of ['corporate-finance', 'hr-management', 'digital-marketing', 'sales-management']) {
      expect(business, id).toContain(id);
    }
    for (const id of [
      'operations-management',
      'supply-chain-management',
      'legal',
      'it-management',
      'r-and-d',
    ]) {
      expect(business, id).toContain(id);
    }
  });

  it('has no generic word as the surface form of an unambiguous skill', () => {
    const generic = [
      'cloud',
      'data',
      'agile',
      'API',
      'APIs',
      'automatisation',
      'automation',
      'formation',
      'coaching',
      'reporting',
      'containers',
      'conteneurs',
      'testing',
      'recette',
      'distribution',
      'industrie',
      'stratégie',
      'adoption',
      'conformité',
      'transformers',
      'notions',
      'pris',
    ].map(surfaceKey);
    for (const s of BUILTIN_SKILLS) {
      if (s.ambiguous) continue;
      for (const form of defSurfaceForms(s))
        expect(generic, `${s.id}: "${form}"`).not.toContain(surfaceKey(form));
    }
  });

  it('marks short and common-word names as ambiguous', () => {
    for (const id of [
      'r-language',
      'golang',
      'c-language',
      'sas',
      'excel',
      'spark',
      'make',
      'bubble',
      'tableau',
    ]) {
      expect(BUILTIN_SKILLS.find((s) => s.id === id)?.ambiguous, id).toBe(true);
    }
    for (const id of ['react', 'dora', 'snowflake', 'rust', 'swift', 'ruby', 'flutter']) {
      expect(BUILTIN_SKILLS.find((s) => s.id === id)?.ambiguous, id).toBe(true);
    }
  });

  it('links only to skills of the demo vocabulary that exist', () => {
    for (const role of ROLES) {
      for (const id of [...role.core, ...role.optional])
        expect(skillIds.has(id), `${role.title.en}: ${id}`).toBe(true);
    }
    for (const a of ARCHETYPE_TEMPLATES) {
      for (const id of [...a.must, ...a.nice]) expect(skillIds.has(id), `${a.archetype}: ${id}`).toBe(true);
    }
  });
});

describe('validateSkillDefs', () => {
  it('accepts a small valid graph', () => {
    const defs = [def('a'), def('b', { broader: 'a', related: { a: 0.5 } })];
    expect(validateSkillDefs(defs)).toEqual([]);
  });

  it('catches a duplicate id', () => {
    expect(validateSkillDefs([def('a'), def('a')]).join('\n')).toMatch(/"a": duplicate id/);
  });

  it('catches a dangling related link and a dangling broader link', () => {
    const problems = validateSkillDefs([def('a', { related: { ghost: 0.5 }, broader: 'nowhere' })]).join(
      '\n',
    );
    expect(problems).toMatch(/related "ghost" does not exist/);
    expect(problems).toMatch(/broader "nowhere" does not exist/);
  });

  it('catches a broader cycle', () => {
    const defs = [def('a', { broader: 'c' }), def('b', { broader: 'a' }), def('c', { broader: 'b' })];
    expect(validateSkillDefs(defs).join('\n')).toMatch(/broader chain has a cycle/);
  });

  it('catches a weight outside (0, 1) and a self link', () => {
    const problems = validateSkillDefs([def('a', { related: { a: 0.5, b: 1 } }), def('b')]).join('\n');
    expect(problems).toMatch(/related to itself/);
    expect(problems).toMatch(/transfer weight to "b" must be in \(0, 1\)/);
  });

  it('catches an empty alias, a missing label and a malformed ESCO URI', () => {
    const problems = validateSkillDefs([
      def('a', { enAliases: ['  '], fr: '' }),
      def('b', { esco: 'http://data.europa.eu/esco/occupation/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43' }),
    ]).join('\n');
    expect(problems).toMatch(/"a": empty alias " {2}"/);
    expect(problems).toMatch(/"a": missing en or fr label/);
    expect(problems).toMatch(/"b": esco .* is not an ESCO skill URI/);
  });

  it('catches a surface form shared by two unambiguous skills, after normalisation', () => {
    const problems = validateSkillDefs([
      def('a', { names: ['Fine-Tuning'] }),
      def('b', { enAliases: ['fine tuning'] }),
    ]);
    expect(problems.join('\n')).toMatch(/"b": surface form "fine tuning" is also a form of "a"/);
  });

  it('allows a shared surface form when one of the skills is ambiguous', () => {
    const defs = [def('a', { names: ['Swift'], ambiguous: true }), def('b', { names: ['SWIFT'] })];
    expect(validateSkillDefs(defs)).toEqual([]);
  });
});

describe('built-in roles', () => {
  it('has about 60 roles or more, valid, with titles in both languages and known skills', () => {
    expect(BUILTIN_ROLES.length).toBeGreaterThanOrEqual(55);
    expect(validateRoleDefs(BUILTIN_ROLES, skillIds)).toEqual([]);
    for (const r of BUILTIN_ROLES) {
      expect(r.en.trim() && r.fr.trim(), r.id).toBeTruthy();
      for (const id of r.skills) expect(skillIds.has(id), `${r.id}: ${id}`).toBe(true);
    }
  });

  it('includes the roles the demo staffs projects with', () => {
    const ids = new Set(BUILTIN_ROLES.map((r) => r.id));
    for (const role of ROLES) expect(ids.has(role.id), role.id).toBe(true);
  });

  it('catches an unknown skill, a malformed occupation URI and a title shared by two roles', () => {
    const roles: RoleDef[] = [
      { id: 'a', en: 'data engineer', fr: 'ingénieur data', skills: ['ghost'], escoOccupation: 'esco:123' },
      { id: 'b', en: 'Data Engineers', fr: 'autre', skills: ['python'] },
    ];
    const problems = validateRoleDefs(roles, skillIds).join('\n');
    expect(problems).toMatch(/"a": skill "ghost" does not exist/);
    expect(problems).toMatch(/"a": escoOccupation "esco:123" is not an ESCO occupation URI/);
    expect(problems).toMatch(/"b": title "Data Engineers" is also a title of "a"/);
  });
});

// --- Cross-check against ESCO v1.1.1, when the download is present next to the repository (it is not
// shipped with Vivier; users do not have it).
const ESCO_DIR = new URL('../../../../shared/evaldata/esco-v1.1.1/en/', import.meta.url);
const ESCO_SKILLS = new URL('skills_en.csv', ESCO_DIR);
const ESCO_OCCUPATIONS = new URL('occupations_en.csv', ESCO_DIR);
const hasEsco = existsSync(ESCO_SKILLS) && existsSync(ESCO_OCCUPATIONS);
const ESCO_SKIP_NOTE = hasEsco
  ? ''
  : ' (skipped: ESCO v1.1.1 CSV not found at ../shared/evaldata/esco-v1.1.1/en)';

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks), as header → cell maps. */
function readCsv(text: string): Map<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length > 0) rows.push([...row, cell]);
  const [header, ...body] = rows;
  return body.map((r) => new Map((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

function escoStatusByUri(file: URL): Map<string, string> {
  const out = new Map<string, string>();
  for (const rec of readCsv(readFileSync(file, 'utf8')))
    out.set(rec.get('conceptUri') ?? '', rec.get('status') ?? '');
  return out;
}

describe('ESCO cross-references', () => {
  it.skipIf(!hasEsco)(`every skill's esco URI is a released ESCO v1.1.1 skill${ESCO_SKIP_NOTE}`, () => {
    const status = escoStatusByUri(ESCO_SKILLS);
    expect(status.size).toBeGreaterThan(10_000);
    const linked = BUILTIN_SKILLS.filter((s) => s.esco !== undefined);
    expect(linked.length).toBeGreaterThan(100);
    for (const s of linked) expect(status.get(s.esco as string), `${s.id}: ${s.esco}`).toBe('released');
    // Two skills pointing at one ESCO concept would make the import ambiguous.
    const uris = linked.map((s) => s.esco);
    expect(new Set(uris).size).toBe(uris.length);
  });

  it.skipIf(!hasEsco)(
    `every role's ESCO occupation is a released ESCO v1.1.1 occupation${ESCO_SKIP_NOTE}`,
    () => {
      const status = escoStatusByUri(ESCO_OCCUPATIONS);
      expect(status.size).toBeGreaterThan(2_000);
      const linked = BUILTIN_ROLES.filter((r) => r.escoOccupation !== undefined);
      expect(linked.length).toBeGreaterThan(40);
      for (const r of linked) {
        expect(status.get(r.escoOccupation as string), `${r.id}: ${r.escoOccupation}`).toBe('released');
      }
    },
  );
});

describe('searchSkills', () => {
  const tax = buildTaxonomy(BUILTIN_SKILLS);
  it('ranks an exact form above a prefix above a substring, accents and case ignored', () => {
    const hits = searchSkills(tax, 'KUBERNETES', 10).map((h) => h.skill.id);
    expect(hits[0]).toBe('kubernetes');
    expect(hits).toContain('managed-kubernetes');
    expect(hits.indexOf('managed-kubernetes')).toBeGreaterThan(0);
    const fr = searchSkills(tax, 'orchestration de conteneurs', 3);
    expect(fr[0]?.skill.id).toBe('kubernetes');
    expect(fr[0]?.matched).toBe('orchestration de conteneurs');
  });
  it('gives the same answer twice (the folded forms are cached per taxonomy) and honours the limit', () => {
    expect(searchSkills(tax, 'cloud', 5)).toEqual(searchSkills(tax, 'cloud', 5));
    expect(searchSkills(tax, 'cloud', 5)).toHaveLength(5);
    expect(searchSkills(tax, 'zzzz-no-such-skill', 5)).toEqual([]);
  });
});
