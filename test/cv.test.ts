import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/main/create-context.js';
import { checkDocxZip, CV_LIMITS, cvText } from '../src/services/cv-text.js';
import { DEFAULT_ORG } from '../src/services/ports.js';
import { DIALECTS, openTestContext } from './support/databases.js';
import { CV_PAGES, docx, encryptedPdf, imageOnlyPdf, pdf, zip } from './support/fixtures.js';

const limits = { ...CV_LIMITS };

describe('CV text', () => {
  it('reads a two-page PDF, keeping lines', async () => {
    const r = await cvText('cv.pdf', await pdf(CV_PAGES));
    expect(r).toMatchObject({ kind: 'pdf', pages: 2 });
    expect(r.text).toContain('Camille Laurent\nSenior data engineer\n');
    expect(r.text).toContain('No experience with Java.');
  });

  it('reads a DOCX and a text file', async () => {
    const d = await cvText('cv.docx', docx(CV_PAGES.flat()));
    expect(d.kind).toBe('docx');
    expect(d.text).toContain('Designed a retrieval-augmented generation (RAG) assistant');
    const t = await cvText('cv.txt', Buffer.from(`\ufeff${CV_PAGES.flat().join('\n')}`));
    expect(t.text.startsWith('Camille Laurent')).toBe(true);
  });

  it('empty, image-only, encrypted, corrupt and truncated files are errors that say so', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['empty.pdf', new Uint8Array(0), /the file is empty/],
      ['scan.pdf', await imageOnlyPdf(2), /2 pages but no text layer: probably a scan/],
      ['locked.pdf', await encryptedPdf(), /encrypted \(password-protected\)/],
      ['garbage.pdf', Buffer.from('%PDF-1.7\nthis is not a pdf at all'), /not a readable PDF/],
      ['cut.pdf', (await pdf(CV_PAGES)).slice(0, 400), /not a readable PDF|no text layer/],
      ['blank.txt', Buffer.from('   \n\n  '), /contains no text/],
      ['latin1.txt', Buffer.from([0x43, 0x56, 0xe9, 0x20, 0xff]), /not valid UTF-8/],
      ['broken.docx', Buffer.from('PK\u0003\u0004 nothing else'), /not a valid DOCX \(zip\) file/],
      ['notword.docx', zip([{ name: 'a.txt', data: Buffer.from('hello') }]), /not a Word document/],
      [
        'old.doc',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        /encrypted Office document or a legacy \.doc/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      await expect(cvText(name, bytes), name).rejects.toThrow(message);
    }
  });

  it('refuses zip bombs from the central directory, before unpacking, and lying sizes while checking', async () => {
    const small = Buffer.from('x');
    // Declares 4 GB uncompressed: refused from the directory alone.
    const bomb = docx(['hi'], [{ name: 'word/media/big.bin', data: small, declaredSize: 0xfffffff0 }]);
    await expect(cvText('bomb.docx', bomb)).rejects.toThrow(/refused before unpacking/);
    // A high ratio on a large entry is refused, even under the total.
    const ratio = docx(['hi'], [{ name: 'word/media/r.bin', data: Buffer.alloc(4 * 1024 * 1024) }]);
    await expect(checkDocxZip('ratio.docx', ratio, limits)).rejects.toThrow(/compressed \d+:1/);
    // Too many entries.
    const many = docx(
      ['hi'],
      Array.from({ length: 1001 }, (_, i) => ({ name: `word/x${i}.xml`, data: Buffer.from('<a/>') })),
    );
    await expect(cvText('many.docx', many)).rejects.toThrow(/1004 zip entries; a DOCX is limited to 1000/);
    // Declares less than it holds: caught while verifying, before mammoth sees it.
    const liar = docx(
      ['hi'],
      [{ name: 'word/media/l.bin', data: Buffer.alloc(200_000, 7), declaredSize: 100 }],
    );
    await expect(cvText('liar.docx', liar)).rejects.toThrow(
      /does not match its declared size|corrupt zip entry/,
    );
    // Over the file size limit.
    await expect(cvText('huge.txt', Buffer.alloc(CV_LIMITS.maxFileBytes + 1, 97))).rejects.toThrow(
      /limited to/,
    );
  });
});

describe.each(DIALECTS)('CV import on $name', (dialectCase) => {
  let ctx: Context;
  beforeAll(async () => {
    ctx = await openTestContext(dialectCase);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('drafts a profile with the evidence span of each skill, and --apply stores it once', async () => {
    const r = await ctx.services.cv.draft('camille.pdf', await pdf(CV_PAGES));
    expect(r.draft).toMatchObject({
      name: 'Camille Laurent',
      headline: 'Senior data engineer',
      email: 'camille.laurent@example.org',
      phone: '+33 6 11 22 33 44',
    });
    const skill = (id: string) => r.draft.skills.find((s) => s.skillId === id);
    expect(skill('airflow')).toMatchObject({
      evidence: 'cv',
      evidenceDetail: 'Built batch pipelines in Python and Apache Airflow on AWS; expert in SQL.',
    });
    expect(skill('sql')).toMatchObject({ level: 5, levelFrom: 'cue' });
    expect(skill('snowflake')).toMatchObject({ level: 2, levelFrom: 'default' });
    expect(skill('java')).toBeUndefined();
    expect(r.draft.negated.map((n) => n.skillId)).toContain('java');
    // Every mention points at the words as written in the extracted text.
    for (const s of r.draft.skills)
      for (const m of s.mentions) expect(m.surface.length).toBe(m.end - m.start);

    const applied = await ctx.services.cv.apply(r, { source: 'freelance', dailyCost: 700 });
    expect(applied).toMatchObject({ inserted: 1, rejected: 0, imported: true });
    const again = await ctx.services.cv.apply(r, { source: 'freelance', dailyCost: 700 });
    expect(again).toMatchObject({ unchanged: 1 });
    const talents = await ctx.store.talents.listAll(DEFAULT_ORG);
    const stored = talents.find((t) => t.email === 'camille.laurent@example.org')!;
    expect(stored).toMatchObject({ name: 'Camille Laurent', source: 'freelance', dailyCost: 700 });
    expect(stored.skills.every((s) => s.evidence === 'cv' && (s.evidenceDetail ?? '').length > 0)).toBe(true);
  });

  it('the same CV as DOCX gives the same skills', async () => {
    const a = await ctx.services.cv.draft('cv.pdf', await pdf(CV_PAGES));
    const b = await ctx.services.cv.draft('cv.docx', docx(CV_PAGES.flat()));
    expect(b.draft.skills.map((s) => s.skillId).sort()).toEqual(a.draft.skills.map((s) => s.skillId).sort());
  });

  it('a CV without a name at the top is not stored under an invented one', async () => {
    const r = await ctx.services.cv.draft(
      'anon.txt',
      Buffer.from('Profile\nPython and SQL for ten years, Airflow too.'),
    );
    expect(r.draft.name).toBeNull();
    expect(() => ctx.services.cv.toTalent(r, { source: 'employee' })).toThrow(/no name found.*--name/);
  });
});
