/**
 * A set of record keys that stays small at a million records: each key is kept as two independent 52-bit
 * hashes beside the line that first used it, in open-addressed typed arrays (20 bytes a slot) instead of a
 * Map of strings. A false "duplicate" (a valid record rejected) needs two different keys of one file to
 * share all 104 hash bits: about one chance in 10^19 for a million keys. With one 52-bit hash it was one in
 * 10^4, which over many imports of that size is not negligible.
 */
export class KeySet {
  private first: Float64Array;
  private second: Float64Array;
  private lines: Int32Array;
  private count = 0;

  /** The hash functions are parameters so a test can force collisions of the first; both must be non-zero. */
  constructor(
    capacity = 1024,
    private readonly hash1: (key: string) => number = hashKey,
    private readonly hash2: (key: string) => number = hashKey2,
  ) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.first = new Float64Array(size);
    this.second = new Float64Array(size);
    this.lines = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** Adds `key` seen on `line`; returns the line that already had it, or 0 when it is new. */
  add(key: string, line: number): number {
    if (this.count * 2 >= this.first.length) this.grow();
    const at = this.insert(this.hash1(key), this.hash2(key), line);
    if (at >= 0) return this.lines[at] as number;
    this.count++;
    return 0;
  }

  /** The slot already holding (h1, h2), or -1 after storing it in a free one. */
  private insert(h1: number, h2: number, line: number): number {
    const mask = this.first.length - 1;
    // The slot comes from the second hash too, so keys sharing the first do not all probe one run.
    let i = ((h1 % this.first.length) ^ h2) & mask;
    for (;;) {
      const at = this.first[i] as number;
      if (at === 0) {
        this.first[i] = h1;
        this.second[i] = h2;
        this.lines[i] = line;
        return -1;
      }
      if (at === h1 && this.second[i] === h2) return i;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const first = this.first;
    const second = this.second;
    const lines = this.lines;
    this.first = new Float64Array(first.length * 2);
    this.second = new Float64Array(first.length * 2);
    this.lines = new Int32Array(first.length * 2);
    for (let i = 0; i < first.length; i++)
      if (first[i] !== 0) this.insert(first[i] as number, second[i] as number, lines[i] as number);
  }
}

/** 52 bits from two 32-bit multiplicative hashes of the string's code units, plus one (never 0). */
function hash52(key: string, seedA: number, mulA: number, seedB: number, mulB: number): number {
  let a = seedA;
  let b = seedB;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, mulA);
    b = Math.imul(b ^ c, mulB);
    b ^= b >>> 15;
  }
  a ^= a >>> 13;
  const hi = (a >>> 0) & 0xfffff;
  const lo = b >>> 0;
  return hi * 0x100000000 + lo + 1;
}

/** A non-zero 52-bit hash of a string (FNV-1a and a MurmurHash multiplier). */
export const hashKey = (key: string): number =>
  hash52(key, 0x811c9dc5, 0x01000193, 0x01000193 ^ 0x5bd1e995, 0x5bd1e995);

/** Another non-zero 52-bit hash, independent of `hashKey` (other seeds and multipliers). */
export const hashKey2 = (key: string): number => hash52(key, 0x9e3779b9, 0x85ebca6b, 0x27d4eb2f, 0xc2b2ae35);
