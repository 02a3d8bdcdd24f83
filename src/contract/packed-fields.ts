/**
 * The byte-level fast path's records as the PackedLine an import reads (src/core/import/packed-bytes.ts
 * decodes them), for the reader in the import's own thread and for the consumer of the reader workers.
 */
import { packedTalentAt } from '../core/import/packed-bytes.js';
import type { PackedLine } from './talent-line.js';
import { FieldOut, packTalentBytes, type SkillTable } from './talent-line-bytes.js';

/** The record whose first field is field `k` of `bytes`, with `skillIds` as its skills' ids. */
export function packedLineAt(bytes: Buffer, ends: Int32Array, k: number, skillIds: string[]): PackedLine {
  const { id, packed } = packedTalentAt(bytes, ends, k);
  return { id: id ?? undefined, packed, skillIds };
}

/**
 * A packed line's fields in the order talent-line-bytes.ts writes them (null for a null value; the daily
 * cost as String() spells it): the inverse of packedLineAt, what the fast path must write for `p`.
 */
export function fieldsOfPackedLine(p: PackedLine): (string | null)[] {
  const t = p.packed;
  return [
    p.id ?? null,
    t.externalId,
    t.source,
    t.name,
    t.email,
    t.phone,
    t.headline,
    t.occupationId,
    t.location,
    t.remote,
    String(t.dailyCost),
    t.consentAt,
    t.retainUntil,
    t.languages,
    t.industries,
    t.functions,
    t.skills,
    t.availability,
    t.missions,
  ];
}

/**
 * The byte-level fast path as one function of a line's bytes (for a reader in this thread): the line as a
 * PackedLine, or null for the full path.
 */
export function talentLineOfBytes(
  table: SkillTable,
): (buf: Buffer, start: number, end: number) => PackedLine | null {
  const out = new FieldOut();
  return (buf, start, end) => {
    out.reset();
    if (!packTalentBytes(buf, start, end, table, out)) return null;
    const ids: string[] = [];
    for (let i = 0; i < out.skillCount; i++) ids.push(table.ids[out.skills[i] as number] as string);
    // A copy: `out` is reused for the next line, and the record keeps its lists' bytes.
    return packedLineAt(Buffer.from(out.bytes.subarray(0, out.used)), out.ends, 0, ids);
  };
}
