/**
 * An append-only column of short strings in one byte array: one byte a character for Latin-1 text (ids,
 * and names in most European languages), the rare string with a wider character kept aside as is.
 * A million ids and names cost about 30 bytes a talent this way, against about 110 as JS strings in an
 * array (object headers, and a pointer each).
 */
export class PackedStrings {
  private bytes: Uint8Array;
  private starts: Uint32Array;
  private n = 0;
  private used = 0;
  /** Strings with a character above U+00FF, by index (their byte range is empty). */
  private readonly wide = new Map<number, string>();

  constructor(capacity = 0, bytesPerString = 16) {
    this.starts = new Uint32Array(capacity + 1);
    this.bytes = new Uint8Array(capacity * bytesPerString);
  }

  get length(): number {
    return this.n;
  }

  /** Bytes held (capacity), the aside strings not included. */
  get byteLength(): number {
    return this.bytes.byteLength + this.starts.byteLength;
  }

  push(s: string): void {
    if (this.n + 2 > this.starts.length) {
      const starts = new Uint32Array(Math.max(16, Math.ceil(this.starts.length * 1.25)));
      starts.set(this.starts);
      this.starts = starts;
    }
    let latin1 = true;
    for (let i = 0; i < s.length && latin1; i++) latin1 = s.charCodeAt(i) <= 0xff;
    if (!latin1) this.wide.set(this.n, s);
    else {
      if (this.used + s.length > this.bytes.length) {
        const bytes = new Uint8Array(
          Math.max(this.used + s.length, Math.ceil(this.bytes.length * 1.25) + 64),
        );
        bytes.set(this.bytes.subarray(0, this.used));
        this.bytes = bytes;
      }
      for (let i = 0; i < s.length; i++) this.bytes[this.used++] = s.charCodeAt(i);
    }
    this.n++;
    this.starts[this.n] = this.used;
  }

  get(i: number): string {
    const wide = this.wide.size > 0 ? this.wide.get(i) : undefined;
    if (wide !== undefined) return wide;
    const a = this.starts[i] as number;
    const b = this.starts[i + 1] as number;
    const bytes = this.bytes;
    let s = '';
    // Ids and names are short: up to 64 characters, one at a time is several times faster than the
    // spread of a subarray (a view allocated, an iterator walked); the top-K scan reads two a winner. A
    // long string goes in chunks, so that it cannot overflow the argument list.
    if (b - a <= 64) for (let p = a; p < b; p++) s += String.fromCharCode(bytes[p] as number);
    else
      for (let p = a; p < b; p += 4096) s += String.fromCharCode(...bytes.subarray(p, Math.min(b, p + 4096)));
    return s;
  }

  /** A new column with the strings at `indices` (distinct), in that order, sized to fit. */
  select(indices: ArrayLike<number>): PackedStrings {
    const starts = this.starts;
    const bytes = this.bytes;
    const m = indices.length;
    const out = new PackedStrings(m, 0);
    const outStarts = out.starts;
    // Where each string goes, then the bytes copied in this column's order: with indices in an order
    // unrelated to this one (a cluster order), reading in order and writing scattered costs about a
    // third of reading scattered (the reads wait on cache misses one after another, the writes do not).
    const to = new Int32Array(this.n).fill(-1);
    let size = 0;
    for (let k = 0; k < m; k++) {
      const i = indices[k] as number;
      to[i] = size;
      size += (starts[i + 1] as number) - (starts[i] as number);
      outStarts[k + 1] = size;
    }
    const outBytes = new Uint8Array(size);
    // Byte by byte, in locals: strings are short, and a subarray each would cost more than the copy.
    for (let i = 0; i < this.n; i++) {
      let d = to[i] as number;
      if (d < 0) continue;
      const b = starts[i + 1] as number;
      for (let p = starts[i] as number; p < b; p++) outBytes[d++] = bytes[p] as number;
    }
    if (this.wide.size > 0)
      for (let k = 0; k < m; k++) {
        const wide = this.wide.get(indices[k] as number);
        if (wide !== undefined) out.wide.set(k, wide);
      }
    out.bytes = outBytes;
    out.used = size;
    out.n = m;
    return out;
  }

  /** Releases the spare capacity (after a bulk build). */
  trim(): void {
    if (this.bytes.length !== this.used) this.bytes = this.bytes.slice(0, this.used);
    if (this.starts.length !== this.n + 1) this.starts = this.starts.slice(0, this.n + 1);
  }
}
