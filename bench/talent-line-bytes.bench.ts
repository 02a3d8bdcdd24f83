/**
 * The reader's CPU a talent line: (a) what a line reader does with talent-line.ts — decode the line's bytes
 * to a string, packTalentLine, then encode the 19 packed fields to UTF-8 for the writer — against (b)
 * packTalentBytes on the bytes, into a reused FieldOut. Lines as bench/import.bench.ts writes them (demo
 * talents topped up to 20 skills, ≈ 3.6 KB), held in memory in one buffer. CPU time (process.cpuUsage),
 * the two interleaved, a pass over every line each: the machine is shared.
 *
 * Standalone: `npx tsx bench/talent-line-bytes.bench.ts [lines] [rounds]`.
 */
import { pathToFileURL } from 'node:url';
import { fieldsOfPackedLine } from '../src/contract/packed-fields.js';
import { FieldOut, packTalentBytes, SkillTable } from '../src/contract/talent-line-bytes.js';
import { packTalentLine, type PackedLine } from '../src/contract/talent-line.js';
import { BUILTIN_SKILLS } from '../src/core/taxonomy/builtin-skills.js';
import { buildTaxonomy } from '../src/core/taxonomy/taxonomy.js';
import { poolLines } from './pool-lines.js';
import type { BenchResult } from './run.js';

const SUITE = 'talent-line-bytes';

export interface TalentLineBytesOptions {
  lines?: number;
  rounds?: number;
  log?: (line: string) => void;
}

/** `n` lines as import.bench.ts writes them, one after another in one buffer, with their bounds. */
function pool(n: number): { buf: Buffer; starts: number[]; ends: number[] } {
  const lines: string[] = [];
  for (const chunk of poolLines(n)) lines.push(...chunk);
  const buf = Buffer.from(lines.join('\n') + '\n');
  const starts: number[] = [];
  const ends: number[] = [];
  for (let s = 0; s < buf.length;) {
    const e = buf.indexOf(0x0a, s);
    starts.push(s);
    ends.push(e);
    s = e + 1;
  }
  return { buf, starts, ends };
}

/** The fields of a packed line, as the reader sent them before packTalentBytes (\u0001 for null). */
const fieldsOf = (p: PackedLine): string[] => fieldsOfPackedLine(p).map((f) => f ?? '\u0001');

export function runTalentLineBytesBench(options: TalentLineBytesOptions = {}): BenchResult[] {
  const n = options.lines ?? 20_000;
  const rounds = options.rounds ?? 5;
  const log = options.log ?? (() => undefined);
  const tax = buildTaxonomy(BUILTIN_SKILLS);
  const ids = tax.skills.map((s) => s.id);
  const { buf, starts, ends } = pool(n);
  const table = new SkillTable(ids);
  const known = new Set(ids);
  const count = starts.length;
  log(`${count} lines, ${Math.round(buf.length / count)} bytes a line`);

  // (a) Encoded into one large buffer, reused from its start when nearly full (as groups are sent).
  const encoded = Buffer.alloc(1 << 24);
  const viaString = (): number => {
    let taken = 0;
    let at = 0;
    for (let i = 0; i < count; i++) {
      const p = packTalentLine(buf.toString('utf8', starts[i], ends[i]), known);
      if (p === null) continue;
      taken++;
      if (at > encoded.length - (1 << 16)) at = 0;
      for (const v of fieldsOf(p)) at += encoded.write(v, at);
    }
    return taken;
  };
  // (b) Into one FieldOut, reset as a group would be once sent.
  const out = new FieldOut();
  const viaBytes = (): number => {
    let taken = 0;
    for (let i = 0; i < count; i++) {
      if (out.used > 1 << 20) out.reset();
      if (packTalentBytes(buf, starts[i] as number, ends[i] as number, table, out)) taken++;
    }
    return taken;
  };

  const cpu = (run: () => number): number => {
    const t0 = process.cpuUsage();
    const taken = run();
    const t = process.cpuUsage(t0);
    if (taken !== count) throw new Error(`${taken} of ${count} lines taken`);
    return (t.user + t.system) / count;
  };
  cpu(viaString);
  cpu(viaBytes);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(cpu(viaString));
    b.push(cpu(viaBytes));
    log(
      `round ${r + 1}: (a) ${(a[r] as number).toFixed(2)} µs, (b) ${(b[r] as number).toFixed(2)} µs a line`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1] as number;
  const round = (x: number) => Math.round(x * 100) / 100;
  const ratios = a.map((x, r) => (b[r] as number) / x);
  log(
    `median (a) ${round(median(a))} µs, (b) ${round(median(b))} µs; min (a) ${round(Math.min(...a))}, ` +
      `(b) ${round(Math.min(...b))}; (b)/(a) a round: median ${round(median(ratios))}`,
  );
  return [
    {
      suite: SUITE,
      name: 'decode + packTalentLine + encode fields (CPU a line, median)',
      value: round(median(a)),
      unit: 'µs',
      n: count,
    },
    {
      suite: SUITE,
      name: 'packTalentBytes (CPU a line, median)',
      value: round(median(b)),
      unit: 'µs',
      peer: `${round(median(a))} µs decoding, packing and encoding`,
      n: count,
    },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = runTalentLineBytesBench({
    lines: process.argv[2] === undefined ? undefined : Number(process.argv[2]),
    rounds: process.argv[3] === undefined ? undefined : Number(process.argv[3]),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit}`);
}
