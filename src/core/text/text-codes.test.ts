import { describe, expect, it } from 'vitest';
import { textCodes } from './text-codes.js';

const units = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

describe('textCodes', () => {
  it('gives the UTF-16 code units of a text, lone surrogates included', () => {
    const t = 'aé\ud800b\udc00𝐏œ\u0130 ';
    expect(Array.from(textCodes(t).subarray(0, t.length))).toEqual(units(t));
  });

  it('grows for a long text and then holds a shorter one', () => {
    const long = 'données '.repeat(20000);
    expect(Array.from(textCodes(long).subarray(0, long.length))).toEqual(units(long));
    expect(Array.from(textCodes('Go').subarray(0, 2))).toEqual(units('Go'));
  });
});
