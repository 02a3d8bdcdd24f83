/**
 * Packed talents as bytes: the records a byte-level fast path wrote (src/contract/talent-line-bytes.ts:
 * RECORD_FIELDS fields a record, one after another, a null field being the single byte NULL_BYTE), read back
 * as PackedTalent. The in-thread import and the consumer of the reader workers both read them here.
 */
import type { PackedTalent } from './packed-talent.js';

/** A null field's one byte: no token the fast path admits holds a control character. */
export const NULL_BYTE = 0x01;

/**
 * The record whose first field is field `k` of `bytes` (field i ends at `ends[i]`, the first starts at 0):
 * its id (null when the line gave none) and its packed talent.
 */
export function packedTalentAt(
  bytes: Buffer,
  ends: Int32Array,
  k: number,
): { id: string | null; packed: PackedTalent } {
  let at = k === 0 ? 0 : (ends[k - 1] as number);
  // Fields in the order talent-line-bytes.ts writes them: the id, then those of PackedTalent below.
  const next = (): string | null => {
    const end = ends[k++] as number;
    const from = at;
    at = end;
    return end - from === 1 && bytes[from] === NULL_BYTE ? null : bytes.toString('utf8', from, end);
  };
  const text = next as () => string;
  const id = next();
  const packed = new BytesPackedTalent(
    next(),
    text() as PackedTalent['source'],
    text(),
    next(),
    next(),
    text(),
    next(),
    text(),
    text() as PackedTalent['remote'],
    Number(text()),
    next(),
    next(),
    text(),
    text(),
    text(),
    // skills, availability, missions: the last three fields, most of the record's bytes.
    bytes.subarray(at, ends[k + 2] as number),
    (ends[k] as number) - at,
    (ends[k + 1] as number) - at,
  );
  return { id, packed };
}

/**
 * A packed talent whose three long lists (skills, availability, missions: ≈ 1.7 of a row's 2 KB) are kept as
 * the UTF-8 bytes the fast path wrote until something reads them as text. A new row is written as those
 * very bytes (listBytesOf), so most imported rows never have their lists decoded into strings (≈ 12 µs a
 * row measured on the writer thread) nor encoded back.
 */
class BytesPackedTalent implements PackedTalent {
  private skillsText: string | undefined;
  private availabilityText: string | undefined;
  private missionsText: string | undefined;

  constructor(
    readonly externalId: string | null,
    readonly source: PackedTalent['source'],
    readonly name: string,
    readonly email: string | null,
    readonly phone: string | null,
    readonly headline: string,
    readonly occupationId: string | null,
    readonly location: string,
    readonly remote: PackedTalent['remote'],
    readonly dailyCost: number,
    readonly consentAt: string | null,
    readonly retainUntil: string | null,
    readonly languages: string,
    readonly industries: string,
    readonly functions: string,
    /** skills, then availability from `availabilityAt`, then missions from `missionsAt`. */
    readonly lists: Buffer,
    private readonly availabilityAt: number,
    private readonly missionsAt: number,
  ) {}

  get skills(): string {
    return (this.skillsText ??= this.lists.toString('utf8', 0, this.availabilityAt));
  }

  get availability(): string {
    return (this.availabilityText ??= this.lists.toString('utf8', this.availabilityAt, this.missionsAt));
  }

  get missions(): string {
    return (this.missionsText ??= this.lists.toString('utf8', this.missionsAt));
  }

  /** The three lists' UTF-8 bytes. */
  listBytes(): [Buffer, Buffer, Buffer] {
    const l = this.lists;
    return [
      l.subarray(0, this.availabilityAt),
      l.subarray(this.availabilityAt, this.missionsAt),
      l.subarray(this.missionsAt),
    ];
  }
}

/** The UTF-8 bytes of a packed talent's skills, availability and missions when it still holds them. */
export const listBytesOf = (p: PackedTalent): [Buffer, Buffer, Buffer] | null =>
  p instanceof BytesPackedTalent ? p.listBytes() : null;
