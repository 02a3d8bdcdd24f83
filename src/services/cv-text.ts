/**
 * The text of a CV file: PDF (pdfjs-dist), DOCX (mammoth, after the zip's central directory has been
 * checked), or plain UTF-8 text. Every limit is checked before the expensive step: file size first, the
 * number of pages before reading any page, and for a DOCX the entry count, the declared uncompressed sizes
 * and compression ratios read from the central directory before anything is inflated (then each entry's
 * real size is checked against its declaration while streaming, so a lying header cannot get past).
 * An empty, image-only, encrypted or corrupt file is an error that says which: never an empty profile.
 */
import mammoth from 'mammoth';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import yauzl from 'yauzl';
import { DomainError } from '../core/errors.js';

export const CV_LIMITS = {
  /** Largest CV file. */
  maxFileBytes: 10 * 1024 ** 2,
  /** Most pages in a PDF. */
  maxPdfPages: 50,
  /** Most entries in a DOCX (a zip). */
  maxDocxEntries: 1_000,
  /** Largest total uncompressed size of a DOCX, as declared by its central directory. */
  maxDocxUncompressedBytes: 50 * 1024 ** 2,
  /** Largest compression ratio of one DOCX entry (zip bombs run to thousands). */
  maxDocxRatio: 200,
} as const;

export type CvLimits = { -readonly [K in keyof typeof CV_LIMITS]: number };

export type CvFileKind = 'pdf' | 'docx' | 'txt';

export interface CvText {
  kind: CvFileKind;
  text: string;
  /** Pages of a PDF; null for other kinds. */
  pages: number | null;
}

const invalid = (name: string, message: string) =>
  new DomainError('invalid_input', `${name}: ${message}`, name);
const tooLarge = (name: string, message: string) => new DomainError('too_large', `${name}: ${message}`, name);

/** By content first (a PDF starts with %PDF, a DOCX is a zip), then by extension. */
export function cvKind(name: string, bytes: Uint8Array): CvFileKind {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) return 'docx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    throw new DomainError(
      'unsupported',
      `${name}: an OLE compound file: an encrypted Office document or a legacy .doc; save it as an unencrypted DOCX or PDF`,
      name,
    );
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (ext === 'txt' || ext === 'text' || ext === 'md') return 'txt';
  throw new DomainError('unsupported', `${name}: not a PDF, DOCX or text file`, name);
}

/** Control characters and replacement characters from PDF text become spaces. */
// eslint-disable-next-line no-control-regex
const NOISE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g;
const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;

export async function cvText(
  name: string,
  bytes: Uint8Array,
  limits: CvLimits = { ...CV_LIMITS },
): Promise<CvText> {
  if (bytes.length === 0) throw invalid(name, 'the file is empty');
  if (bytes.length > limits.maxFileBytes)
    throw tooLarge(name, `${bytes.length} bytes; a CV is limited to ${limits.maxFileBytes} bytes`);
  const kind = cvKind(name, bytes);
  let text: string;
  let pages: number | null = null;
  if (kind === 'pdf') ({ text, pages } = await pdfText(name, bytes, limits));
  else if (kind === 'docx') text = await docxText(name, Buffer.from(bytes), limits);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
    } catch {
      throw invalid(name, 'not valid UTF-8 text');
    }
  }
  text = text.replace(NOISE, ' ').replace(/[ \t]+\n/g, '\n');
  if (letters(text) < 20) {
    if (kind === 'pdf')
      throw invalid(
        name,
        `the PDF has ${pages} page${pages === 1 ? '' : 's'} but no text layer: probably a scan (Vivier does no OCR)`,
      );
    throw invalid(name, 'the file contains no text');
  }
  return { kind, text, pages };
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;
/** pdf.js is loaded on first use: a CLI command that reads no PDF does not pay for it. */
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

async function pdfText(
  name: string,
  bytes: Uint8Array,
  limits: CvLimits,
): Promise<{ text: string; pages: number }> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err.name === 'PasswordException')
      throw invalid(name, 'the PDF is encrypted (password-protected); send an unprotected copy');
    throw invalid(name, `not a readable PDF (corrupt or truncated): ${err.message ?? 'unknown error'}`);
  }
  try {
    if (doc.numPages > limits.maxPdfPages)
      throw tooLarge(name, `${doc.numPages} pages; a CV is limited to ${limits.maxPdfPages} pages`);
    const parts: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let lastY: number | null = null;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5] as number;
        // A new baseline without an explicit end of line still starts a new line.
        if (lastY !== null && Math.abs(y - lastY) > 2 && !parts[parts.length - 1]?.endsWith('\n'))
          parts.push('\n');
        parts.push(item.str);
        if (item.hasEOL) parts.push('\n');
        lastY = y;
      }
      parts.push('\n\n');
      page.cleanup();
    }
    return { text: parts.join(''), pages: doc.numPages };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw invalid(name, `not a readable PDF (corrupt or truncated): ${(e as Error).message}`);
  } finally {
    await doc.destroy();
  }
}

/** Checks a DOCX's central directory and the real size of every entry, inflating nothing into memory. */
export async function checkDocxZip(name: string, buffer: Buffer, limits: CvLimits): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        buffer,
        { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
        (err, z) => (err ? reject(err) : resolve(z)),
      ),
    );
  } catch (e) {
    throw invalid(name, `not a valid DOCX (zip) file: ${(e as Error).message}`);
  }
  try {
    if (zip.entryCount > limits.maxDocxEntries)
      throw tooLarge(name, `${zip.entryCount} zip entries; a DOCX is limited to ${limits.maxDocxEntries}`);
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        const ratio =
          entry.compressedSize > 0
            ? entry.uncompressedSize / entry.compressedSize
            : entry.uncompressedSize > 0
              ? Infinity
              : 1;
        if (declared > limits.maxDocxUncompressedBytes)
          return reject(
            tooLarge(
              name,
              `unpacks to more than ${limits.maxDocxUncompressedBytes} bytes; refused before unpacking`,
            ),
          );
        if (ratio > limits.maxDocxRatio && entry.uncompressedSize > 1024 * 1024)
          return reject(
            tooLarge(
              name,
              `entry "${entry.fileName}" is compressed ${Math.round(ratio)}:1 (limit ${limits.maxDocxRatio}:1); refused before unpacking`,
            ),
          );
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) => reject(invalid(name, `not a valid DOCX (zip) file: ${e.message}`)));
      zip.readEntry();
    });
    if (!entries.some((e) => e.fileName === 'word/document.xml'))
      throw invalid(name, 'a zip file but not a Word document (no word/document.xml)');
    // The declarations passed; now make sure they are true (yauzl stops a stream that runs past its size).
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      await new Promise<void>((resolve, reject) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(invalid(name, `corrupt zip entry "${entry.fileName}": ${err.message}`));
          stream.on('data', () => {});
          stream.on('end', () => resolve());
          stream.on('error', (e: Error) =>
            reject(
              invalid(name, `zip entry "${entry.fileName}" does not match its declared size: ${e.message}`),
            ),
          );
        });
      });
    }
  } finally {
    zip.close();
  }
}

async function docxText(name: string, buffer: Buffer, limits: CvLimits): Promise<string> {
  await checkDocxZip(name, buffer, limits);
  try {
    const r = await mammoth.extractRawText({ buffer });
    return r.value;
  } catch (e) {
    throw invalid(name, `not a readable DOCX: ${(e as Error).message}`);
  }
}
