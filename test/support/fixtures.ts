/**
 * Fixtures made at test time, never committed as binaries: a zip writer (for DOCX files, honest or not),
 * a minimal DOCX, and PDFs written with pdf-lib (text, image-only, encrypted).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
}

export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal Word document whose paragraphs are `lines`. */
export function docx(lines: readonly string[], extra: readonly ZipEntry[] = []): Buffer {
  const body = lines
    .map((l) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(l)}</w:t></w:r></w:p>`)
    .join('');
  return zip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    },
    ...extra,
  ]);
}

/** A PDF whose pages carry `pages[i]` as lines of Helvetica text (WinAnsi characters only). */
export async function pdf(pages: readonly (readonly string[])[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 790 - i * 16, size: 10, font }));
  }
  return doc.save();
}

/** Pages with no text layer at all: what a scan without OCR looks like to a text extractor. */
export async function imageOnlyPdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage().drawRectangle({ x: 40, y: 40, width: 300, height: 500 });
  return doc.save();
}

/** A PDF with a Standard security handler and a user password: no reader opens it without one. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Confidential CV: Python, Kubernetes', { x: 50, y: 700, size: 12, font });
  const ctx = doc.context;
  ctx.trailerInfo.Encrypt = ctx.register(
    ctx.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      O: PDFHexString.of('11'.repeat(32)),
      U: PDFHexString.of('22'.repeat(32)),
      P: -44,
    }),
  );
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
  return doc.save({ useObjectStreams: false });
}

/** A two-page CV, as a person would write it. */
export const CV_PAGES: string[][] = [
  [
    'Camille Laurent',
    'Senior data engineer',
    'camille.laurent@example.org - +33 6 11 22 33 44 - Lyon',
    '',
    'Experience',
    'Data engineer, Banque Exemple (2020-2024)',
    'Built batch pipelines in Python and Apache Airflow on AWS; expert in SQL.',
    'Migrated the warehouse to Snowflake with dbt models and data quality checks.',
    'Designed a retrieval-augmented generation (RAG) assistant with Mistral and a vector database.',
    '',
    'Data analyst, Assurance Demo (2017-2020)',
    'Dashboards in Power BI, 5 years of SQL, notions of Spark.',
  ],
  [
    'Skills',
    'Kubernetes, Docker, Terraform; GDPR and AI Act awareness.',
    'No experience with Java.',
    '',
    'Education',
    'MSc Computer Science, Universite de Lyon (2017)',
    'Languages: French, English',
  ],
];
