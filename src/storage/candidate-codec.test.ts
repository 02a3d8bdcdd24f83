import { describe, expect, it } from 'vitest';
import type { Candidate } from '../core/matching/types.js';
import { CandidateDecoder, CandidateEncoder, type CandidateBatch } from './candidate-codec.js';
import { candidateOfRow } from './talent-candidates.repository.js';

/** A pseudo-random generator (LCG), so that a failure replays. */
function random(seed: number) {
  let s = seed;
  const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  return { rand, pick };
}

// Strings the scan codes as they are (some alike in length and first, middle and last characters), and
// strings it leaves to JSON.parse (escaped in JSON), rarer so that most rows take the fast path.
const PLAIN = ['python', 'pyxhon', 'pyt-on', 'é🙂', '', ' ', ',]', '[x]', 'null'];
const ESCAPED = ['a"b', 'back\\slash', 'line\nbreak', '\u0001'];
const NUMBERS = [0, 1, 3, 5, 2.5, -0, -1, 1e21, 1e-7, 123456789, 0.1 + 0.2];

/** Rows (cells in the candidate read's order) of packed texts, exact as packTalent writes or not. */
function randomRows(count: number, seed: number): unknown[][] {
  const { rand, pick } = random(seed);
  const str = () =>
    pick(rand() < 0.97 ? PLAIN : ESCAPED) + (rand() < 0.5 ? String(Math.floor(rand() * 100)) : '');
  const optStr = () => (rand() < 0.3 ? null : str());
  const num = () => pick(NUMBERS);
  const optNum = () => (rand() < 0.5 ? null : num());
  // PostgreSQL's json_agg (migration 0005) spaces its output: that must read the same.
  const text = (x: unknown) => JSON.stringify(x, null, rand() < 0.2 ? 1 : 0);
  const list = (n: number, f: () => unknown) => Array.from({ length: Math.floor(rand() * n) }, f);
  return Array.from({ length: count }, (_, i) => [
    `t${i}`,
    str(),
    pick(['employee', 'freelance']),
    rand() < 0.9 ? num() : String(num()),
    str(),
    pick(['remote', 'onsite', 'hybrid']),
    text(list(3, str)),
    text(list(3, str)),
    text(list(3, str)),
    text(list(6, () => [str(), num(), optStr(), optNum(), optStr(), optStr()])),
    text(list(3, () => [str(), str(), num()])),
    text(list(4, () => [str(), optStr(), str(), optStr(), optStr(), optStr(), optStr(), list(3, str)])),
  ]);
}

/** An encoder and the decoder of its batches. */
const codec = () => {
  const decoder = new CandidateDecoder();
  return { encoder: new CandidateEncoder(), decode: (b: CandidateBatch) => decoder.decode(b) };
};

describe('candidate codec', () => {
  it('decodes rows encoded from their cells as the candidates candidateOfRow makes, fast path or not', () => {
    const rows = randomRows(3000, 3);
    let parsed = 0;
    const viaParse = (r: readonly unknown[]) => {
      parsed++;
      return candidateOfRow(r);
    };
    const { encoder, decode } = codec();
    for (let i = 0; i < rows.length; i += 250) {
      const batch = rows.slice(i, i + 250);
      const decoded = decode(encoder.encodeRows(batch, viaParse));
      expect(decoded).toEqual(batch.map(candidateOfRow));
      // The same values to the bit (toEqual does not tell -0 from 0).
      expect(decoded.map((c) => c.skills.map((s) => Object.is(s.level, -0)))).toEqual(
        batch.map((r) => candidateOfRow(r).skills.map((s) => Object.is(s.level, -0))),
      );
    }
    // Both paths taken: rows coded from their texts, and rows left to candidateOfRow (escapes, spacing).
    expect(parsed).toBeGreaterThan(300);
    expect(parsed).toBeLessThan(rows.length - 300);
  });

  it('codes a row as packTalent writes it without parsing it, and the same string the same way', () => {
    const skills = '[["python",3,"cv",null,null,null],["sql",2.5,null,4,"2024-01","said \\"yes\\""]]';
    const missions = '[["A \\"t\\", [x]",null,"2024-01-01",null,"banking",null,"production",["python"]]]';
    const row = ['t1', 'Zoë', 'employee', 612.75, 'Lyon', 'remote', '["fr","en"]', '["banking"]', '[]'];
    const rows = [
      [...row, skills, '[["2026-02-02","2026-05-29",2.5]]', missions],
      [...row.map((x, i) => (i === 0 ? 't2' : x)), '[["python",-0,"cv",null,null,null]]', '[]', '[]'],
    ];
    const { encoder, decode } = codec();
    const batch = encoder.encodeRows(rows, () => {
      throw new Error('not read in place');
    });
    expect(decode(batch)).toEqual(rows.map(candidateOfRow));
    // Each distinct string sent once: python, cv, sql, …, not one per occurrence.
    expect(batch.fresh.filter((s) => s === 'python')).toEqual(['python']);
  });

  it('sends a candidate of another shape as itself', () => {
    const odd = { ...candidateOfRow(randomRows(1, 5)[0] as unknown[]), languages: ['fr', null] };
    const { encoder, decode } = codec();
    expect(decode(encoder.encode([odd as unknown as Candidate]))).toEqual([odd]);
  });
});
