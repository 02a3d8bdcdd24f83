/**
 * A set of record keys that stays small at a million records: each key is kept as a 52-bit hash (two
 * independent 32-bit FNV-1a variants) beside the line that first used it, in open-addressed typed arrays
 * (16 bytes a slot) instead of a Map of strings. A false "duplicate" needs two different keys of one file to
 * share 52 hash bits: about one chance in 10^4 for a million keys.
 */
export class KeySet {
  private hashes: Float64Array;
  private lines: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.hashes = new Float64Array(size);
    this.lines = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** Adds `key` seen on `line`; returns the line that already had it, or 0 when it is new. */
  add(key: string, line: number): number {
    if (this.count * 2 >= this.hashes.length) this.grow();
    return insert(this.hashes, this.lines, hashKey(key), line, () => this.count++);
  }

  private grow(): void {
    const old = this.hashes;
    const oldLines = this.lines;
    this.hashes = new Float64Array(old.length * 2);
    this.lines = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i++) {
      const h = old[i] as number;
      if (h !== 0) insert(this.hashes, this.lines, h, oldLines[i] as number, () => {});
    }
  }
}

function insert(hashes: Float64Array, lines: Int32Array, h: number, line: number, added: () => void): number {
  const mask = hashes.length - 1;
  let i = (h % hashes.length) & mask;
  for (;;) {
    const at = hashes[i] as number;
    if (at === 0) {
      hashes[i] = h;
      lines[i] = line;
      added();
      return 0;
    }
    if (at === h) return lines[i] as number;
    i = (i + 1) & mask;
  }
}

/** A non-zero 52-bit hash of a string. */
export function hashKey(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hi = (a >>> 0) & 0xfffff;
  const lo = b >>> 0;
  return hi * 0x100000000 + lo + 1;
}
