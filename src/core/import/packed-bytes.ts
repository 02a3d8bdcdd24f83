/**
 * Packed talents as bytes: the records a byte-level fast path wrote (src/contract/talent-line-bytes.ts:
 * RECORD_FIELDS fields a record, one after another, a null field being the single byte NULL_BYTE), read back
 * as PackedTalent. The in-thread import and the consumer of the reader workers both read them here.
 */
import type { PackedTalent } from './packed-talent.js';

/** A null field's one byte: no token the fast path admits holds a control character. */
export const NULL_BYTE = 0x01;

/** Fields of a record before its three lists: the id, then PackedTalent's short fields. */
const SHORT_FIELDS = 16;

/** UTF-16 offsets of a record's short fields in its decoded text, reused from record to record. */
const units = new Int32Array(SHORT_FIELDS + 1);

/**
 * The record whose first field is field `k` of `bytes` (field i ends at `ends[i]`, the first starts at 0):
 * its id (null when the line gave none) and its packed talent.
 *
 * The short fields are decoded in one call and cut from that text: sixteen calls into the runtime, one a
 * field, cost ≈ 1.5 µs a record on the writer thread. A field's offsets in the text are its byte offsets
 * when the text is as long as the bytes (all ASCII); otherwise they count the bytes that start a character
 * (the fast path admits no 4-byte sequence, the only one that would be two UTF-16 units).
 */
export function packedTalentAt(
  bytes: Buffer,
  ends: Int32Array,
  k: number,
): { id: string | null; packed: PackedTalent } {
  const from = k === 0 ? 0 : (ends[k - 1] as number);
  const shortEnd = ends[k + SHORT_FIELDS - 1] as number;
  const text = bytes.toString('utf8', from, shortEnd);
  const ascii = text.length === shortEnd - from;
  let at = from;
  let unit = 0;
  for (let i = 0; i < SHORT_FIELDS; i++) {
    const end = ends[k + i] as number;
    if (ascii) unit = end - from;
    else for (let b = at; b < end; b++) if (((bytes[b] as number) & 0xc0) !== 0x80) unit++;
    units[i + 1] = unit;
    at = end;
  }
  // Field i of the record: its text, or null for the one NULL_BYTE.
  const field = (i: number): string | null => {
    const a = units[i] as number;
    const b = units[i + 1] as number;
    return b - a === 1 && text.charCodeAt(a) === NULL_BYTE ? null : text.slice(a, b);
  };
  const str = field as (i: number) => string;
  const packed = new BytesPackedTalent(
    field(1),
    str(2) as PackedTalent['source'],
    str(3),
    field(4),
    field(5),
    str(6),
    field(7),
    str(8),
    str(9) as PackedTalent['remote'],
    Number(str(10)),
    field(11),
    field(12),
    str(13),
    str(14),
    str(15),
    // skills, availability, missions: the last three fields, most of the record's bytes.
    bytes.subarray(shortEnd, ends[k + SHORT_FIELDS + 2] as number),
    (ends[k + SHORT_FIELDS] as number) - shortEnd,
    (ends[k + SHORT_FIELDS + 1] as number) - shortEnd,
  );
  return { id: field(0), packed };
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
