/**
 * Talents held compactly between reading them from storage and building the matching index.
 *
 * Storage streams the pool a batch at a time (an async iterable) while `TalentIndex.build` takes a
 * synchronous iterable, so the pool has to be held somewhere in between. As `Talent` objects a million
 * would take gigabytes (evidence text, mission titles, an object a skill); here a talent is what ranking
 * reads (`Candidate`) written as varints into one growing byte array, every repeated string (skill ids,
 * evidence kinds, dates, languages, places) interned in a dictionary: about 100 bytes a talent plus its id
 * and name, freed once the index is built. Values round-trip exactly: numbers that are not small
 * non-negative integers are stored as their 8 bytes.
 */
import type { Candidate, HeldSkill, MissionFacts } from '../core/matching/types.js';
import type {
  AvailabilityWindow,
  BusinessFunction,
  Industry,
  Outcome,
  RemotePreference,
} from '../core/model.js';
import type { TalentSource } from '../core/matching/types.js';

/** Integers below this are written as a varint (two per value: the low bit tags a raw double). */
const SMALL = 2 ** 28;

export class CandidateBuffer {
  private bytes = new Uint8Array(1 << 16);
  private len = 0;
  private readonly ids: string[] = [];
  private readonly names: string[] = [];
  private readonly codes = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly f64 = new Float64Array(1);
  private readonly f64Bytes = new Uint8Array(this.f64.buffer);

  get size(): number {
    return this.ids.length;
  }

  /** Bytes held (the encoded records; ids, names and the dictionary are JS strings beside them). */
  get byteLength(): number {
    return this.len;
  }

  push(c: Candidate): void {
    // Room for the whole record at once (at most 10 bytes a varint, 9 a number), so writes need no check.
    this.room(
      10 * (12 + 3 * c.skills.length + c.industries.length + c.functions.length) +
        30 * (c.missions.length + c.availability.length) +
        9 * (1 + c.skills.length) +
        10 * c.languages.length,
    );
    this.ids.push(c.id);
    this.names.push(c.name);
    this.str(c.source);
    this.uint(c.skills.length);
    for (const s of c.skills) {
      this.str(s.skillId);
      this.num(s.level);
      this.optStr(s.evidence);
    }
    this.uint(c.industries.length);
    for (const i of c.industries) this.str(i);
    this.uint(c.functions.length);
    for (const f of c.functions) this.str(f);
    this.uint(c.missions.length);
    for (const m of c.missions) {
      this.optStr(m.industry);
      this.optStr(m.businessFunction);
      this.optStr(m.outcome);
    }
    this.uint(c.availability.length);
    for (const w of c.availability) {
      this.str(w.start);
      this.str(w.end);
      this.num(w.daysPerWeek);
    }
    this.num(c.dailyCost);
    this.uint(c.languages.length);
    for (const l of c.languages) this.str(l);
    this.str(c.location);
    this.str(c.remote);
  }

  /** The candidates in the order pushed, decoded one at a time. */
  *candidates(): Generator<Candidate> {
    let pos = 0;
    const b = this.bytes;
    const uint = (): number => {
      let x = 0;
      let shift = 0;
      for (;;) {
        const byte = b[pos++] as number;
        x += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) return x;
        shift += 7;
      }
    };
    const str = (): string => this.strings[uint()] as string;
    const optStr = (): string | null => {
      const c = uint();
      return c === 0 ? null : (this.strings[c - 1] as string);
    };
    const num = (): number => {
      const x = uint();
      if ((x & 1) === 0) return x / 2;
      for (let k = 0; k < 8; k++) this.f64Bytes[k] = b[pos++] as number;
      return this.f64[0] as number;
    };
    const list = <T>(read: () => T): T[] => {
      const n = uint();
      const out = new Array<T>(n);
      for (let k = 0; k < n; k++) out[k] = read();
      return out;
    };
    for (let i = 0; i < this.ids.length; i++) {
      const source = str() as TalentSource;
      const skills = list<HeldSkill>(() => ({ skillId: str(), level: num(), evidence: optStr() }));
      const industries = list(() => str() as Industry);
      const functions = list(() => str() as BusinessFunction);
      const missions = list<MissionFacts>(() => ({
        industry: optStr() as Industry | null,
        businessFunction: optStr() as BusinessFunction | null,
        outcome: optStr() as Outcome | null,
      }));
      const availability = list<AvailabilityWindow>(() => ({ start: str(), end: str(), daysPerWeek: num() }));
      const dailyCost = num();
      const languages = list(str);
      yield {
        id: this.ids[i] as string,
        name: this.names[i] as string,
        source,
        skills,
        industries,
        functions,
        missions,
        availability,
        dailyCost,
        languages,
        location: str(),
        remote: str() as RemotePreference,
      };
    }
  }

  private room(n: number): void {
    if (this.len + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.len + n, Math.ceil(this.bytes.length * 1.5)));
    next.set(this.bytes.subarray(0, this.len));
    this.bytes = next;
  }

  private uint(x: number): void {
    let v = x;
    while (v >= 0x80) {
      this.bytes[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.len++] = v;
  }

  private code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.strings.length;
      this.codes.set(s, c);
      this.strings.push(s);
    }
    return c;
  }

  private str(s: string): void {
    this.uint(this.code(s));
  }

  private optStr(s: string | null): void {
    this.uint(s === null ? 0 : this.code(s) + 1);
  }

  private num(x: number): void {
    if (Number.isInteger(x) && x >= 0 && x < SMALL && (x !== 0 || 1 / x > 0)) {
      this.uint(x * 2);
      return;
    }
    this.uint(1);
    this.f64[0] = x;
    this.bytes.set(this.f64Bytes, this.len);
    this.len += 8;
  }
}
