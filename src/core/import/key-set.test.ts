import { describe, expect, it } from 'vitest';
import { hashKey, hashKey2, KeySet } from './key-set.js';

describe('KeySet', () => {
  it('returns the first line of a key seen again, 0 for a new one, across growth', () => {
    const keys = new KeySet(4);
    for (let i = 1; i <= 5000; i++) expect(keys.add(`x\u0000ext-${i}`, i)).toBe(0);
    expect(keys.size).toBe(5000);
    for (let i = 1; i <= 5000; i += 499) expect(keys.add(`x\u0000ext-${i}`, 9000 + i)).toBe(i);
    expect(keys.add('e\u0000ext-1', 9999)).toBe(0); // another kind of key
    expect(keys.size).toBe(5001);
  });

  it('tells apart keys whose first hash collides (a weak first hash forces it)', () => {
    const keys = new KeySet(4, () => 42, hashKey2);
    for (let i = 1; i <= 2000; i++) expect(keys.add(`k${i}`, i)).toBe(0);
    expect(keys.add('k7', 3000)).toBe(7);
    expect(keys.add('k2000', 3001)).toBe(2000);
    expect(keys.size).toBe(2000);
  });

  it('has two hashes that differ and are never 0', () => {
    const words = ['', 'a', 'b', 'x\u0000a@b.fr', 'i\u0000t-000001'];
    for (const w of words) {
      expect(hashKey(w)).toBeGreaterThan(0);
      expect(hashKey2(w)).toBeGreaterThan(0);
      expect(hashKey(w)).toBeLessThan(2 ** 52 + 1);
      expect(hashKey2(w)).not.toBe(hashKey(w));
    }
    expect(new Set(words.map(hashKey2)).size).toBe(words.length);
  });
});
