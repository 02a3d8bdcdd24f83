/**
 * A set of words with dense ids (0, 1, 2… in insertion order) that can be looked up from character codes,
 * so that a scanner can recognise a word of a text without making a string of it.
 *
 * Open addressing on a 32-bit FNV-1a hash, a key and the id + 1 per slot, at most half full: a lookup reads
 * one slot, which matters when it runs for every word of a text. A word of at most ten letters a–z (most
 * words of a text, once folded) is its own key, packed five bits a letter (packStep), so its slot alone
 * confirms it; any other word's key is its hash (negative), and a hit is confirmed on its characters.
 */
export class CodeDict {
  private chars = new Uint16Array(1024);
  /** Word `id` is chars[bounds[id] … bounds[id + 1]). */
  private bounds = new Int32Array(65);
  private hashes = new Int32Array(64);
  private count = 0;
  private slots = new Float64Array(2 * 128);
  private mask = 127;
  /**
   * The last packed word seen at each of RECENT places, and its id: a text repeats a few hundred words
   * (the, de, and, data…) most of the time, and this small table, which stays in the fastest cache, answers
   * for them without reading the large one.
   */
  private recentKeys = new Float64Array(RECENT).fill(PACK.NONE);
  private recentIds = new Int32Array(RECENT);

  get size(): number {
    return this.count;
  }

  /** The word's id, adding it if new. */
  add(word: string): number {
    const found = this.get(word);
    if (found >= 0) return found;
    const id = this.count;
    const start = this.bounds[id] as number;
    if (start + word.length > this.chars.length)
      this.chars = grow(this.chars, Math.max(this.chars.length * 2, start + word.length));
    for (let i = 0; i < word.length; i++) this.chars[start + i] = word.charCodeAt(i);
    if (id === this.hashes.length) {
      this.hashes = grow(this.hashes, id * 2);
      this.bounds = grow(this.bounds, id * 2 + 1);
    }
    this.bounds[id + 1] = start + word.length;
    this.hashes[id] = hashString(word);
    this.count++;
    if (this.count * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    else this.place(id);
    // A word remembered as absent may be this one, at its place (lookup's `recent`).
    this.recentKeys[(this.hashes[id] as number) & (RECENT - 1)] = PACK.NONE;
    return id;
  }

  /** The word's id, or -1. */
  get(word: string): number {
    const codes = new Uint16Array(word.length);
    for (let i = 0; i < word.length; i++) codes[i] = word.charCodeAt(i);
    return this.find(codes, codes.length, '');
  }

  /** The word of an id. */
  word(id: number): string {
    return String.fromCharCode(...this.chars.subarray(this.bounds[id], this.bounds[id + 1]));
  }

  /** The id of the word made of `codes[0…n)` followed by `tail`, or -1. */
  find(codes: Uint16Array, n: number, tail: string): number {
    let h = HASH_START;
    for (let i = 0; i < n; i++) h = hashStep(h, codes[i] as number);
    // A word longer than PACK_LETTERS has no packed form: no need to try.
    let packed: number = PACK.NONE;
    if (n + tail.length <= PACK_LETTERS) {
      packed = PACK.EMPTY;
      for (let i = 0; i < n; i++) packed = packStep(packed, codes[i] as number);
    }
    return this.lookup(h, packed, codes, n, tail);
  }

  /**
   * `find` for a scanner that knows whether `codes[0…n)` are all letters a–z (`az`; the tail always is):
   * one pass hashes and packs them, without packStep's tests.
   */
  findLetters(codes: Uint16Array, n: number, tail: string, az: boolean): number {
    let h = HASH_START;
    if (!az || n + tail.length > PACK_LETTERS) {
      for (let i = 0; i < n; i++) h = hashStep(h, codes[i] as number);
      return this.lookup(h, PACK.NONE, codes, n, tail);
    }
    // Packed as packStep packs, in two int32 (the first six letters after a leading 1, the others after
    // another), joined once: integer operations in the loop rather than a chain of float ones.
    let high = 1;
    let low = 1;
    let i = 0;
    for (; i < n && i < 6; i++) {
      const c = codes[i] as number;
      h = hashStep(h, c);
      high = (high << 5) | (c - 96);
    }
    for (; i < n; i++) {
      const c = codes[i] as number;
      h = hashStep(h, c);
      low = (low << 5) | (c - 96);
    }
    for (let j = 0; j < tail.length; j++, i++) {
      const c = tail.charCodeAt(j);
      h = hashStep(h, c);
      if (i < 6) high = (high << 5) | (c - 96);
      else low = (low << 5) | (c - 96);
    }
    const lowScale = i > 6 ? 1 << (5 * (i - 6)) : 1;
    return this.probe(h, high * lowScale + (low - lowScale), codes, n, tail);
  }

  /**
   * `find` for a scanner that hashed and packed `codes[0…n)` as it read them: `prefixHash` is HASH_START
   * folded with hashStep over those codes, `prefixPack` PACK.EMPTY folded with packStep.
   */
  lookup(prefixHash: number, prefixPack: number, codes: Uint16Array, n: number, tail: string): number {
    let h = prefixHash;
    let packed = prefixPack;
    for (let i = 0; i < tail.length; i++) {
      const c = tail.charCodeAt(i);
      h = hashStep(h, c);
      packed = packStep(packed, c);
    }
    return this.probe(h, packed, codes, n, tail);
  }

  /** `lookup` once the tail is folded in: `h` hashed over codes and tail, `packed` packed over both. */
  private probe(h: number, packed: number, codes: Uint16Array, n: number, tail: string): number {
    h = finish(h);
    const { slots, mask } = this;
    if (packed >= 0) {
      const recent = h & (RECENT - 1);
      if (this.recentKeys[recent] === packed) return this.recentIds[recent] as number;
      for (let s = (h & mask) << 1; ; s = (s + 2) & ((mask << 1) | 1)) {
        const id = (slots[s + 1] as number) - 1;
        if (id < 0 || slots[s] === packed) {
          this.recentKeys[recent] = packed;
          this.recentIds[recent] = id;
          return id;
        }
      }
    }
    const key = -1 - h;
    for (let s = (h & mask) << 1; ; s = (s + 2) & ((mask << 1) | 1)) {
      const id = (slots[s + 1] as number) - 1;
      if (id < 0) return -1;
      if (slots[s] === key && this.equals(id, codes, n, tail)) return id;
    }
  }

  private equals(id: number, codes: Uint16Array, n: number, tail: string): boolean {
    const { chars, bounds } = this;
    const start = bounds[id] as number;
    if ((bounds[id + 1] as number) - start !== n + tail.length) return false;
    for (let i = 0; i < n; i++) if (chars[start + i] !== codes[i]) return false;
    for (let j = 0; j < tail.length; j++) if (chars[start + n + j] !== tail.charCodeAt(j)) return false;
    return true;
  }

  /** The slot key of word `id`: its packed form, else its hash. */
  private key(id: number): number {
    let packed: number = PACK.EMPTY;
    for (let i = this.bounds[id] as number; i < (this.bounds[id + 1] as number); i++)
      packed = packStep(packed, this.chars[i] as number);
    return packed >= 0 ? packed : -1 - (this.hashes[id] as number);
  }

  private place(id: number): void {
    let s = (this.hashes[id] as number) & this.mask;
    while (this.slots[2 * s + 1] !== 0) s = (s + 1) & this.mask;
    this.slots[2 * s] = this.key(id);
    this.slots[2 * s + 1] = id + 1;
  }

  private rehash(size: number): void {
    this.slots = new Float64Array(2 * size);
    this.mask = size - 1;
    for (let id = 0; id < this.count; id++) this.place(id);
  }
}

/** Places of the recent-words table (a power of two). */
const RECENT = 4096;

function grow<T extends Uint16Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** FNV-1a, one UTF-16 unit at a time: start from HASH_START, fold each code in with hashStep. */
export const HASH_START = 0x811c9dc5 | 0;
export const hashStep = (h: number, code: number): number => Math.imul(h ^ code, 0x01000193);

/**
 * A word of at most ten letters a–z as one integer below 2^51 (exact in a double): a leading 1, then five
 * bits a letter (a = 1), so that no two such words share it; NONE for any other word. Start from EMPTY
 * and fold each code in with packStep.
 */
export const PACK = { EMPTY: 1, NONE: -1 } as const;
const PACK_ROOM = 2 ** 46;
/** The most letters a packed word has: packStep takes a letter while the pack is below PACK_ROOM. */
const PACK_LETTERS = 10;
// findLetters packs as packStep does, for codes it knows to be a–z: keep the two in step.
export const packStep = (packed: number, code: number): number =>
  packed >= 0 && packed < PACK_ROOM && code >= 97 && code <= 122 ? packed * 32 + code - 96 : PACK.NONE;

/** Spreads FNV's low bits, which the slot index uses; a non-negative int32. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) & 0x7fffffff;
}

function hashString(word: string): number {
  let h = HASH_START;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return finish(h);
}
