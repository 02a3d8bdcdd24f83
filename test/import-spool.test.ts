/**
 * The import spool (src/services/import-spool.ts) gives back exactly the records written, in order, in
 * groups of the size asked: strings of any size and content (over the 1 MiB buffer, astral characters,
 * lone surrogates, NUL), numbers, nulls, and records that straddle the buffer's refills.
 */
import { describe, expect, it } from 'vitest';
import { Spool, type SpoolField } from '../src/services/import-spool.js';

async function roundTrip(records: SpoolField[][], group: number): Promise<SpoolField[][][]> {
  const spool = await Spool.create();
  try {
    for (const r of records) await spool.append(r);
    expect(spool.count).toBe(records.length);
    const groups: SpoolField[][][] = [];
    for await (const g of spool.read(group)) groups.push(g);
    return groups;
  } finally {
    await spool.close();
  }
}

describe('import spool', () => {
  it('gives back every record as written, in order and in groups', async () => {
    const records: SpoolField[][] = [];
    for (let i = 0; i < 3000; i++)
      records.push([
        i,
        i % 3 === 0 ? null : `name ${i} — é 𝄞 \u0000 \ud800`,
        -0.5 * i,
        'x'.repeat(i % 700),
        i % 5 === 0 ? '' : null,
        JSON.stringify({ skills: [[`s${i}`, i % 5, null]] }),
      ]);
    const groups = await roundTrip(records, 256);
    expect(groups.map((g) => g.length)).toEqual([...Array<number>(11).fill(256), 3000 - 11 * 256]);
    expect(groups.flat()).toEqual(records);
  });

  it('holds a record larger than its buffer', async () => {
    const big = 'é'.repeat(1_500_000);
    const records: SpoolField[][] = [
      ['before', 1],
      [big, null, 2],
      ['after', 3],
    ];
    expect((await roundTrip(records, 10)).flat()).toEqual(records);
  });

  it('an empty spool reads as nothing', async () => {
    expect(await roundTrip([], 10)).toEqual([]);
  });
});
