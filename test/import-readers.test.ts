/**
 * The JSON Lines line reader (readLines in src/services/import-readers.ts), fed the way files feed it: in
 * chunks cut anywhere (inside a line, inside a UTF-8 character, a line over three chunks), and from one
 * buffer the reader gets again for each chunk, overwritten after it asks for the next (fileSource's
 * openReusing). Lines, their numbers, BOM, CRLF, invalid UTF-8 and the length limit must not depend on
 * where the cuts fall.
 */
import { describe, expect, it } from 'vitest';
import { readLines } from '../src/services/import-readers.js';

/** `bytes` in chunks of the given sizes (cycled), each copied into the same buffer, as openReusing does. */
async function* reused(bytes: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  const buf = Buffer.alloc(Math.max(...sizes));
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = Math.min(sizes[i % sizes.length] as number, bytes.length - at);
    bytes.copy(buf, 0, at, at + n);
    at += n;
    yield buf.subarray(0, n);
    buf.fill(0x78); // what a later read would leave there: a reader still looking at it reads garbage
  }
}

async function lines(bytes: Buffer, sizes: number[], max = 1 << 20) {
  const out: { line: number; text: string | null }[] = [];
  for await (const group of readLines(reused(bytes, sizes), max, 'f.jsonl'))
    for (const { line, text } of group) out.push({ line, text });
  return out;
}

/**
 * The lines with a byte-level fast path that takes every line starting with `{"` (as the text it saw):
 * what each line became, and the bytes the fast path was given.
 */
async function prepared(bytes: Buffer, sizes: number[]) {
  const seen: string[] = [];
  const out: { line: number; text: string | null; prepared: string | null }[] = [];
  const fast = (buf: Buffer, start: number, end: number) => {
    const t = buf.toString('utf8', start, end);
    seen.push(t);
    return t.startsWith('{"') ? `fast ${t}` : null;
  };
  for await (const group of readLines(reused(bytes, sizes), 1 << 20, 'f.jsonl', fast)) out.push(...group);
  return { out, seen };
}

describe('readLines', () => {
  const text = ['{"a":"é — 𝄞"}', '', '{"b":1}\r', 'x'.repeat(40), 'dernière ligne'].join('\n');
  const expected = [
    { line: 1, text: '{"a":"é — 𝄞"}' },
    { line: 2, text: '' },
    { line: 3, text: '{"b":1}' },
    { line: 4, text: 'x'.repeat(40) },
    { line: 5, text: 'dernière ligne' },
  ];

  it('gives the same lines whatever the chunk sizes, the buffer reused', async () => {
    const bytes = Buffer.from(`\ufeff${text}`, 'utf8');
    for (const sizes of [[bytes.length], [1], [2, 3], [5], [7, 1, 13], [16], [64]])
      expect(await lines(bytes, sizes), `chunks of ${sizes.join(',')}`).toEqual(expected);
  });

  it('offers the fast path each line of valid UTF-8 without its CR, else decodes it', async () => {
    const bytes = Buffer.from(`\ufeff${text}`, 'utf8');
    for (const sizes of [[bytes.length], [1], [2, 3], [7, 1, 13], [64]]) {
      const { out, seen } = await prepared(bytes, sizes);
      // Line 1 starts with the byte-order mark only when a chunk did not hold the mark whole: the text path
      // drops it then; lines 2 to 5 always reach the fast path, CR dropped.
      expect(seen.slice(-4), `chunks of ${sizes.join(',')}`).toEqual(expected.slice(1).map((e) => e.text));
      expect(out[0]).toEqual(
        seen.length === 5
          ? { line: 1, text: null, prepared: `fast ${expected[0]?.text}` }
          : { line: 1, text: expected[0]?.text, prepared: null },
      );
      expect(out.slice(1)).toEqual([
        { line: 2, text: '', prepared: null },
        { line: 3, text: null, prepared: 'fast {"b":1}' },
        { line: 4, text: 'x'.repeat(40), prepared: null },
        { line: 5, text: 'dernière ligne', prepared: null },
      ]);
    }
    // A chunk holding invalid UTF-8 is decoded line by line: no line of it reaches the fast path.
    const bad = Buffer.concat([Buffer.from('{"ok":1}\n'), Buffer.from([0x7b, 0xff, 0x7d, 0x0a])]);
    const { out, seen } = await prepared(bad, [100]);
    expect(seen).toEqual([]);
    expect(out).toEqual([
      { line: 1, text: '{"ok":1}', prepared: null },
      { line: 2, text: null, prepared: null },
    ]);
  });

  it('numbers an invalid UTF-8 line and goes on', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"ok":1}\n'),
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
      Buffer.from('{"ok":2}'),
    ]);
    for (const sizes of [[100], [1], [3]])
      expect(await lines(bytes, sizes)).toEqual([
        { line: 1, text: '{"ok":1}' },
        { line: 2, text: null },
        { line: 3, text: '{"ok":2}' },
      ]);
  });

  it('refuses a line over the limit, naming it, wherever it ends', async () => {
    const long = 'y'.repeat(30);
    for (const body of [`a\nb\n${long}\nc\n`, `a\nb\n${long}`]) {
      const bytes = Buffer.from(body);
      for (const sizes of [[100], [4], [1], [9, 2]])
        await expect(
          lines(bytes, sizes, 20),
          `${JSON.stringify(body)} in ${sizes.join(',')}`,
        ).rejects.toThrow('f.jsonl:3: line is longer than 20 bytes');
    }
    // At the limit exactly, it passes.
    expect(await lines(Buffer.from(`${'z'.repeat(20)}\n`), [3], 20)).toEqual([
      { line: 1, text: 'z'.repeat(20) },
    ]);
  });
});
