/**
 * Candidates as a compact message between threads (candidate-reader.worker.ts → the builder's thread).
 *
 * Structured clone of a Candidate array makes the receiving thread rebuild every object, array and string
 * of it, each string a fresh copy: per talent ≈ 20 skills of 3 fields and a dozen lists. Here the batch
 * is two typed arrays whose buffers are transferred (not copied): int32 cells (string codes, list lengths)
 * and float64 cells (levels, daily cost, days per week: any double, -0 and NaN included, as read), one
 * text of the batch's ids and names, and the strings not sent before (skill ids, evidence kinds,
 * industries, functions, outcomes, dates, languages, locations, …): a few thousand across a whole pool,
 * each sent once and shared by every candidate that holds it.
 *
 * Measured on 100,000 talents of the matching bench's pool (v8.serialize/deserialize, what postMessage
 * runs): the receiver decodes in 0.2–0.4 s against 3–4 s to deserialize the structured clone, the sender
 * encodes in 0.6–0.8 s against 1.7–3.7 s to serialize it, and the message is a third of the size.
 *
 * A candidate of any other shape (a value that is not a string or a number where the scanners and
 * JSON.parse normally give one, from a row written by hand, say) travels as itself by structured clone, so
 * that the decoded candidate is always equal to the encoded one.
 */
import type { Candidate } from '../core/matching/types.js';
import {
  CLOSE,
  COMMA,
  expect,
  NULL_CODE,
  number,
  OPEN,
  optStringCode,
  scan,
  skipRest,
  skipScalar,
  stringCode,
  stringList,
  SubstringCodes,
} from './packed-scan.js';

export interface CandidateBatch {
  ints: Int32Array<ArrayBuffer>;
  floats: Float64Array<ArrayBuffer>;
  /** The ids and names, one after the other (lengths in `ints`). */
  text: string;
  /** Strings given their code in this batch, codes from the encoder's count before it, in order. */
  fresh: string[];
  /** Candidates of another shape, as themselves (marked by a cell in `ints`). */
  odd: Candidate[];
  /** Candidates in the batch. */
  count: number;
}

/** The cell of a null string; a string's code is ≥ 0. */
const NULL = NULL_CODE;
/** The first cell of a candidate sent in `odd`. */
const ODD = -2;

const isStr = (x: unknown): x is string => typeof x === 'string';
const isOptStr = (x: unknown) => x === null || typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number';
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const strings = (xs: unknown) => Array.isArray(xs) && xs.every(isStr);

/** Whether `c` has exactly the value types the encoding keeps (else it goes as itself). */
function plain(c: Candidate): boolean {
  if (
    !isStr(c.id) ||
    !isStr(c.name) ||
    !isStr(c.source) ||
    !isNum(c.dailyCost) ||
    !isStr(c.location) ||
    !isStr(c.remote) ||
    !strings(c.industries) ||
    !strings(c.functions) ||
    !strings(c.languages) ||
    !Array.isArray(c.skills) ||
    !Array.isArray(c.missions) ||
    !Array.isArray(c.availability)
  )
    return false;
  for (const s of c.skills as unknown[])
    if (!isRecord(s) || !isStr(s.skillId) || !isNum(s.level) || !isOptStr(s.evidence)) return false;
  for (const m of c.missions as unknown[])
    if (!isRecord(m) || !isOptStr(m.industry) || !isOptStr(m.businessFunction) || !isOptStr(m.outcome))
      return false;
  for (const w of c.availability as unknown[])
    if (!isRecord(w) || !isStr(w.start) || !isStr(w.end) || !isNum(w.daysPerWeek)) return false;
  return true;
}

/** Encodes batches one after another; its codes are valid for the decoder that read every earlier batch. */
export class CandidateEncoder {
  private readonly codes = new Map<string, number>();
  /** The same codes, found from a string's position in a packed text (encodeRows). */
  private readonly positions = new SubstringCodes((s) => this.code(s));
  private readonly pushCode = (code: number) => this.int(code);
  private ints = new Int32Array(1 << 14);
  private floats = new Float64Array(1 << 12);
  private ni = 0;
  private nf = 0;
  private fresh: string[] = [];
  private text = '';
  private odd: Candidate[] = [];

  encode(candidates: readonly Candidate[]): CandidateBatch {
    this.begin();
    for (const c of candidates) this.candidate(c);
    return this.end(candidates.length);
  }

  /**
   * Talent rows as their candidates (`candidateOf(row)`, which is what decoding gives), read straight from
   * the row's cells (in the candidate read's column order, CANDIDATE_COLUMNS) without making them: the
   * strings ranking keeps are coded from their position in the packed texts (packed-scan.ts). A row not in
   * packTalent's exact form goes through `candidateOf` and is encoded as that candidate.
   */
  encodeRows(
    rows: readonly (readonly unknown[])[],
    candidateOf: (row: readonly unknown[]) => Candidate,
  ): CandidateBatch {
    this.begin();
    for (const r of rows) if (!this.row(r)) this.candidate(candidateOf(r));
    return this.end(rows.length);
  }

  private begin(): void {
    this.ni = 0;
    this.nf = 0;
    this.fresh = [];
    this.text = '';
    this.odd = [];
  }

  private end(count: number): CandidateBatch {
    return {
      ints: this.ints.slice(0, this.ni),
      floats: this.floats.slice(0, this.nf),
      text: this.text,
      fresh: this.fresh,
      odd: this.odd,
      count,
    };
  }

  private candidate(c: Candidate): void {
    if (!plain(c)) {
      this.int(ODD);
      this.odd.push(c);
      return;
    }
    this.text += c.id;
    this.text += c.name;
    this.int(c.id.length);
    this.int(c.name.length);
    this.str(c.source);
    this.str(c.location);
    this.str(c.remote);
    this.float(c.dailyCost);
    this.int(c.skills.length);
    for (const s of c.skills) {
      this.str(s.skillId);
      this.str(s.evidence);
      this.float(s.level);
    }
    this.list(c.industries);
    this.list(c.functions);
    this.int(c.missions.length);
    for (const m of c.missions) {
      this.str(m.industry);
      this.str(m.businessFunction);
      this.str(m.outcome);
    }
    this.int(c.availability.length);
    for (const w of c.availability) {
      this.str(w.start);
      this.str(w.end);
      this.float(w.daysPerWeek);
    }
    this.list(c.languages);
  }

  /** A row in the same cells as `candidate` would write for its candidate; false (nothing written) if not in packTalent's form. */
  private row(r: readonly unknown[]): boolean {
    const id = r[0];
    const name = r[1];
    const source = r[2];
    const location = r[4];
    const remote = r[5];
    if (!isStr(id) || !isStr(name) || !isStr(source) || !isStr(location) || !isStr(remote)) return false;
    const ni = this.ni;
    const nf = this.nf;
    this.int(id.length);
    this.int(name.length);
    this.str(source);
    this.str(location);
    this.str(remote);
    // As candidateOf: Number() of SQLite's REAL or PostgreSQL's double precision.
    this.float(Number(r[3]));
    if (
      this.skills(r[9]) &&
      this.strings(r[7]) &&
      this.strings(r[8]) &&
      this.missions(r[11]) &&
      this.windows(r[10]) &&
      this.strings(r[6])
    ) {
      this.text += id;
      this.text += name;
      return true;
    }
    this.ni = ni;
    this.nf = nf;
    return false;
  }

  /** `[[id, level, evidence, years, lastUsed, detail], …]`: count, then (id, evidence) codes and levels. */
  private skills(t: unknown): boolean {
    const count = this.ni;
    this.int(0);
    if (t === '[]') return true;
    if (!isStr(t) || t.charCodeAt(0) !== OPEN) return false;
    const codes = this.positions;
    scan.at = 1;
    for (let n = 1; ; n++) {
      expect(t, OPEN);
      if (scan.at < 0) return false;
      const skill = stringCode(t, codes);
      expect(t, COMMA);
      if (scan.at < 0) return false;
      const level = number(t);
      expect(t, COMMA);
      if (scan.at < 0) return false;
      const evidence = optStringCode(t, codes);
      if (scan.at < 0) return false;
      skipRest(t);
      if (scan.at < 0) return false;
      this.int(skill);
      this.int(evidence);
      this.float(level);
      if (this.closed(t, count, n)) return scan.at === t.length;
      if (scan.at < 0) return false;
    }
  }

  /** `[[title, organization, start, end, industry, function, outcome, [skillId…]], …]`: count, 3 codes each. */
  private missions(t: unknown): boolean {
    const count = this.ni;
    this.int(0);
    if (t === '[]') return true;
    if (!isStr(t) || t.charCodeAt(0) !== OPEN) return false;
    const codes = this.positions;
    scan.at = 1;
    for (let n = 1; ; n++) {
      expect(t, OPEN);
      for (let k = 0; k < 4 && scan.at >= 0; k++) {
        skipScalar(t);
        expect(t, COMMA);
      }
      if (scan.at < 0) return false;
      const industry = optStringCode(t, codes);
      expect(t, COMMA);
      if (scan.at < 0) return false;
      const businessFunction = optStringCode(t, codes);
      expect(t, COMMA);
      if (scan.at < 0) return false;
      const outcome = optStringCode(t, codes);
      expect(t, COMMA);
      expect(t, OPEN);
      // The mission's skill ids, stepped over.
      if (scan.at >= 0 && t.charCodeAt(scan.at) === CLOSE) scan.at++;
      else {
        skipScalar(t);
        skipRest(t);
      }
      expect(t, CLOSE);
      if (scan.at < 0) return false;
      this.int(industry);
      this.int(businessFunction);
      this.int(outcome);
      if (this.closed(t, count, n)) return scan.at === t.length;
      if (scan.at < 0) return false;
    }
  }

  /** `[[start, end, daysPerWeek], …]`: count, then (start, end) codes and the days. */
  private windows(t: unknown): boolean {
    const count = this.ni;
    this.int(0);
    if (t === '[]') return true;
    if (!isStr(t) || t.charCodeAt(0) !== OPEN) return false;
    const codes = this.positions;
    scan.at = 1;
    for (let n = 1; ; n++) {
      expect(t, OPEN);
      if (scan.at < 0) return false;
      const start = stringCode(t, codes);
      expect(t, COMMA);
      if (scan.at < 0) return false;
      const end = stringCode(t, codes);
      expect(t, COMMA);
      if (scan.at < 0) return false;
      const days = number(t);
      expect(t, CLOSE);
      if (scan.at < 0) return false;
      this.int(start);
      this.int(end);
      this.float(days);
      if (this.closed(t, count, n)) return scan.at === t.length;
      if (scan.at < 0) return false;
    }
  }

  /** `["a", …]`: count, then codes. */
  private strings(t: unknown): boolean {
    const count = this.ni;
    this.int(0);
    if (!isStr(t)) return false;
    scan.at = 0;
    const n = stringList(t, this.positions, this.pushCode);
    if (n < 0 || scan.at !== t.length) return false;
    this.ints[count] = n;
    return true;
  }

  /**
   * After a list's `n`th item: at its closing bracket, steps over it, writes `n` at `count` and says true;
   * at a comma, steps over it and says false; else sets `scan.at` to -1.
   */
  private closed(t: string, count: number, n: number): boolean {
    const c = t.charCodeAt(scan.at);
    if (c === CLOSE) {
      scan.at++;
      this.ints[count] = n;
      return true;
    }
    scan.at = c === COMMA ? scan.at + 1 : -1;
    return false;
  }

  private list(xs: readonly string[]): void {
    this.int(xs.length);
    for (const x of xs) this.str(x);
  }

  private str(s: string | null): void {
    this.int(s === null ? NULL : this.code(s));
  }

  private code(s: string): number {
    let code = this.codes.get(s);
    if (code === undefined) {
      code = this.codes.size;
      this.codes.set(s, code);
      this.fresh.push(s);
    }
    return code;
  }

  private int(x: number): void {
    if (this.ni === this.ints.length) {
      const grown = new Int32Array(this.ints.length * 2);
      grown.set(this.ints);
      this.ints = grown;
    }
    this.ints[this.ni++] = x;
  }

  private float(x: number): void {
    if (this.nf === this.floats.length) {
      const grown = new Float64Array(this.floats.length * 2);
      grown.set(this.floats);
      this.floats = grown;
    }
    this.floats[this.nf++] = x;
  }
}

/** Decodes the batches of one encoder, in the order it made them. */
export class CandidateDecoder {
  private readonly table: string[] = [];

  decode(batch: CandidateBatch): Candidate[] {
    const table = this.table;
    for (const s of batch.fresh) table.push(s);
    const { ints, floats, text, odd } = batch;
    const str = (code: number): string | null => (code === NULL ? null : (table[code] as string));
    const list = (): string[] => {
      const n = ints[i++] as number;
      const out = new Array<string>(n);
      for (let k = 0; k < n; k++) out[k] = table[ints[i++] as number] as string;
      return out;
    };
    let i = 0;
    let f = 0;
    let t = 0;
    let o = 0;
    const out: Candidate[] = [];
    for (let k = 0; k < batch.count; k++) {
      if (ints[i] === ODD) {
        i++;
        out.push(odd[o++] as Candidate);
        continue;
      }
      const idEnd = t + (ints[i++] as number);
      const nameEnd = idEnd + (ints[i++] as number);
      const id = text.slice(t, idEnd);
      const name = text.slice(idEnd, nameEnd);
      t = nameEnd;
      const source = table[ints[i++] as number] as Candidate['source'];
      const location = table[ints[i++] as number] as string;
      const remote = table[ints[i++] as number] as Candidate['remote'];
      const dailyCost = floats[f++] as number;
      const skills = new Array<Candidate['skills'][number]>(ints[i++] as number);
      for (let s = 0; s < skills.length; s++) {
        const skillId = table[ints[i++] as number] as string;
        const evidence = str(ints[i++] as number);
        skills[s] = { skillId, level: floats[f++] as number, evidence };
      }
      const industries = list() as Candidate['industries'][number][];
      const functions = list() as Candidate['functions'][number][];
      const missions = new Array<Candidate['missions'][number]>(ints[i++] as number);
      for (let m = 0; m < missions.length; m++)
        missions[m] = {
          industry: str(ints[i++] as number) as Candidate['missions'][number]['industry'],
          businessFunction: str(ints[i++] as number) as Candidate['missions'][number]['businessFunction'],
          outcome: str(ints[i++] as number) as Candidate['missions'][number]['outcome'],
        };
      const availability = new Array<Candidate['availability'][number]>(ints[i++] as number);
      for (let w = 0; w < availability.length; w++)
        availability[w] = {
          start: table[ints[i++] as number] as string,
          end: table[ints[i++] as number] as string,
          daysPerWeek: floats[f++] as number,
        };
      const languages = list();
      // The key order of candidateOf (talent-candidates.repository.ts).
      out.push({
        id,
        name,
        source,
        skills,
        industries,
        functions,
        missions,
        availability,
        dailyCost,
        languages,
        location,
        remote,
      });
    }
    return out;
  }
}
