import { describe, expect, it } from 'vitest';
import { PackedStrings } from './packed-strings.js';

describe('PackedStrings', () => {
  const samples = [
    '',
    't000001',
    'Céline Dupré',
    '李雷',
    'Ærøskøbing',
    'a\u0000b',
    '😀 emoji',
    'y'.repeat(64),
    'z'.repeat(65),
    'x'.repeat(10000),
  ];

  it('gives back every string, Latin-1 or not, through growth and selection', () => {
    const column = new PackedStrings();
    for (let round = 0; round < 50; round++) for (const s of samples) column.push(s);
    expect(column.length).toBe(50 * samples.length);
    for (let i = 0; i < column.length; i++) expect(column.get(i)).toBe(samples[i % samples.length]);
    const picked = [3, 1, 8, 399, 0];
    const selected = column.select(picked);
    expect(picked.map((_, k) => selected.get(k))).toEqual(picked.map((i) => column.get(i)));
    column.trim();
    expect(column.get(samples.length + 1)).toBe(column.get(1));
  });

  it('selects any subset in any order, wide strings included', () => {
    const column = new PackedStrings();
    for (let round = 0; round < 20; round++) for (const s of samples) column.push(`${round}${s}`);
    // 67 of the 200 strings, in a scrambled order: those not picked must not shift the others.
    const picked = Array.from({ length: 67 }, (_, k) => (k * 111) % 200);
    expect(new Set(picked).size).toBe(picked.length);
    const selected = column.select(picked);
    expect(selected.length).toBe(picked.length);
    expect(picked.map((_, k) => selected.get(k))).toEqual(picked.map((i) => column.get(i)));
  });
});
