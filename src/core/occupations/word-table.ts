/**
 * Words with dense ids (0, 1, 2… in insertion order), found from character codes: the title linker folds
 * and scans a title one code at a time and recognises a known word without making a string of it.
 * Open addressing over a 32-bit FNV-1a hash (linear probing, at most half full); the words' characters
 * live in one pool and confirm a hit.
 */
export const HASH_START = 0x811c9dc5 | 0;

export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

export class WordTable {
  private chars = new Uint16Array(1024);
  /** Word `id` is chars[bounds[id] … bounds[id + 1]). */
  private bounds: number[] = [0];
  private hashes: number[] = [];
  /** Slot → id + 1 (0 = empty). */
  private slots = new Int32Array(64);
  private mask = 63;

  get size(): number {
    return this.hashes.length;
  }

  /** The word's id, adding it if new. */
  add(word: string): number {
    let h = HASH_START;
    for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
    const codes = Uint16Array.from(word, (ch) => ch.charCodeAt(0));
    const found = this.find(codes, codes.length, h);
    if (found >= 0) return found;
    const id = this.hashes.length;
    const start = this.bounds[id]!;
    if (start + word.length > this.chars.length) {
      const grown = new Uint16Array(Math.max(this.chars.length * 2, start + word.length));
      grown.set(this.chars);
      this.chars = grown;
    }
    this.chars.set(codes, start);
    this.bounds.push(start + word.length);
    this.hashes.push(h);
    if (this.hashes.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
    return id;
  }

  /** The id of the word made of `codes[0 … n)` whose hash (HASH_START, then hashStep per code) is `h`; −1 if absent. */
  find(codes: Uint16Array, n: number, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = slots[s]! - 1;
      if (id < 0) return -1;
      if (this.hashes[id] !== h) continue;
      const start = this.bounds[id]!;
      if (this.bounds[id + 1]! - start !== n) continue;
      let same = true;
      for (let i = 0; i < n; i++)
        if (this.chars[start + i] !== codes[i]) {
          same = false;
          break;
        }
      if (same) return id;
    }
  }

  private place(id: number): void {
    for (let s = this.hashes[id]! & this.mask; ; s = (s + 1) & this.mask)
      if (this.slots[s] === 0) {
        this.slots[s] = id + 1;
        return;
      }
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.hashes.length; id++) this.place(id);
  }
}
