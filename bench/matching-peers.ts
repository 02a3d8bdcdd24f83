/**
 * Peers of the matching benchmark, each run in a worker thread (its own heap and memory limit) on the same
 * talents and projects as the index. Text-search peers see a talent as a document whose tokens are its
 * skill ids (`k<code>`: skill ids contain hyphens, which tokenizers split), and a project as the OR of its
 * skill ids; they rank by their own relevance (they cannot compute Vivier's score) and we take their
 * top 50. The SQL peer computes Vivier's coverage and level-fit parts (not adjacency) with GROUP BY, and
 * `js-exhaustive` the same two parts in plain JavaScript: per-skill postings (talent, level) walked into a
 * score per talent, then the best 50 (what an inverted index without pruning costs).
 */
import Database from 'better-sqlite3';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { create, insertMultiple, search } from '@orama/orama';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

export const PEERS = [
  'js-exhaustive',
  'minisearch',
  'flexsearch',
  'orama',
  'sqlite-fts5',
  'sqlite-group-by',
] as const;
export type PeerName = (typeof PEERS)[number];

export interface PeerQuery {
  codes: number[];
  /** Share of the project's importance, per skill (as effectiveWeights gives). */
  shares: number[];
  levels: number[];
}

export interface PeerJob {
  module: string;
  peer: PeerName;
  /** Talent i holds codes[offsets[i] … offsets[i + 1]) at levels[…]. */
  codes: Uint16Array;
  levels: Uint8Array;
  offsets: Uint32Array;
  queries: PeerQuery[];
  top: number;
  /** Stop querying after this long (the remaining projects are not run). */
  queryBudgetMs: number;
  coverage: number;
  levelFit: number;
}

export interface PeerReport {
  peer: PeerName;
  buildMs: number;
  queryMs: number[];
  /** Talent ordinals of each query's top. */
  tops: number[][];
}

interface Engine {
  query(q: PeerQuery): number[] | Promise<number[]>;
}

const token = (code: number) => `k${code}`;

function documents(job: PeerJob): string[] {
  const n = job.offsets.length - 1;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    for (let p = job.offsets[i] as number; p < (job.offsets[i + 1] as number); p++) {
      parts.push(token(job.codes[p] as number));
    }
    out[i] = parts.join(' ');
  }
  return out;
}

async function build(job: PeerJob): Promise<Engine> {
  const top = job.top;
  switch (job.peer) {
    case 'js-exhaustive': {
      // Postings per skill code: talent ordinals and levels, in two flat arrays.
      const n = job.offsets.length - 1;
      const count = new Uint32Array(65536);
      for (let p = 0; p < job.codes.length; p++) {
        const c = job.codes[p] as number;
        count[c] = (count[c] as number) + 1;
      }
      const start = new Uint32Array(65537);
      for (let c = 0; c < 65536; c++) start[c + 1] = (start[c] as number) + (count[c] as number);
      const talent = new Uint32Array(job.codes.length);
      const level = new Uint8Array(job.codes.length);
      const fill = start.slice(0, 65536);
      for (let i = 0; i < n; i++) {
        for (let p = job.offsets[i] as number; p < (job.offsets[i + 1] as number); p++) {
          const c = job.codes[p] as number;
          const at = fill[c] as number;
          fill[c] = at + 1;
          talent[at] = i;
          level[at] = job.levels[p] as number;
        }
      }
      const score = new Float64Array(n);
      return {
        query: (q) => {
          score.fill(0);
          q.codes.forEach((c, k) => {
            if (c < 0) return;
            const share = q.shares[k] as number;
            const required = q.levels[k] as number;
            for (let p = start[c] as number; p < (start[c + 1] as number); p++) {
              const l = level[p] as number;
              const t = talent[p] as number;
              score[t] =
                (score[t] as number) +
                share * (job.coverage + job.levelFit * (l >= required ? 1 : l / required));
            }
          });
          // The best `top` by a bounded insertion (ties by ordinal).
          const best: number[] = [];
          for (let i = 0; i < n; i++) {
            const s = score[i] as number;
            if (s === 0) continue;
            if (best.length === top && s <= (score[best[top - 1] as number] as number)) continue;
            let at = best.length;
            while (at > 0 && (score[best[at - 1] as number] as number) < s) at--;
            best.splice(at, 0, i);
            if (best.length > top) best.pop();
          }
          return best;
        },
      };
    }
    case 'minisearch': {
      const ms = new MiniSearch<{ id: number; skills: string }>({
        fields: ['skills'],
        tokenize: (s) => s.split(' '),
        searchOptions: { combineWith: 'OR' },
      });
      const docs = documents(job);
      for (let i = 0; i < docs.length; i++) ms.add({ id: i, skills: docs[i] as string });
      return {
        query: (q) =>
          ms
            .search(q.codes.map(token).join(' '))
            .slice(0, top)
            .map((r) => r.id as number),
      };
    }
    case 'flexsearch': {
      const index = new FlexSearch.Index({ tokenize: 'strict' });
      const docs = documents(job);
      for (let i = 0; i < docs.length; i++) index.add(i, docs[i] as string);
      return {
        query: (q) => index.search(q.codes.map(token).join(' '), { limit: top, suggest: true }) as number[],
      };
    }
    case 'orama': {
      const db = await create({ schema: { skills: 'string' } as const });
      const docs = documents(job);
      const batch = 10000;
      for (let i = 0; i < docs.length; i += batch) {
        await insertMultiple(
          db,
          docs.slice(i, i + batch).map((skills, k) => ({ id: String(i + k), skills })),
          batch,
        );
      }
      return {
        query: async (q) => {
          const r = await search(db, {
            term: q.codes.map(token).join(' '),
            properties: ['skills'],
            limit: top,
            threshold: 1,
          });
          return r.hits.map((h) => Number(h.id));
        },
      };
    }
    case 'sqlite-fts5': {
      const db = new Database(':memory:');
      db.exec('CREATE VIRTUAL TABLE talent_fts USING fts5(skills)');
      const insert = db.prepare('INSERT INTO talent_fts(rowid, skills) VALUES (?, ?)');
      const docs = documents(job);
      db.transaction(() => docs.forEach((d, i) => insert.run(i, d)))();
      const select = db.prepare(
        `SELECT rowid FROM talent_fts WHERE talent_fts MATCH ? ORDER BY rank LIMIT ${top}`,
      );
      return {
        query: (q) =>
          (select.all(q.codes.map(token).join(' OR ')) as { rowid: number }[]).map((r) => r.rowid),
      };
    }
    case 'sqlite-group-by': {
      const db = new Database(':memory:');
      db.exec(`CREATE TABLE talent_skill (
        skill INTEGER NOT NULL, talent INTEGER NOT NULL, level INTEGER NOT NULL,
        PRIMARY KEY (skill, talent)) WITHOUT ROWID`);
      // Rows in primary-key order: a counting sort of the postings by skill.
      const n = job.offsets.length - 1;
      const bySkill = new Map<number, number[]>();
      for (let i = 0; i < n; i++) {
        for (let p = job.offsets[i] as number; p < (job.offsets[i + 1] as number); p++) {
          const code = job.codes[p] as number;
          let l = bySkill.get(code);
          if (!l) bySkill.set(code, (l = []));
          l.push(i, job.levels[p] as number);
        }
      }
      const insert = db.prepare('INSERT INTO talent_skill (skill, talent, level) VALUES (?, ?, ?)');
      db.transaction(() => {
        for (const code of [...bySkill.keys()].sort((a, b) => a - b)) {
          const l = bySkill.get(code) as number[];
          for (let k = 0; k < l.length; k += 2) insert.run(code, l[k], l[k + 1]);
        }
      })();
      const statements = new Map<number, Database.Statement>();
      const statement = (m: number) => {
        let s = statements.get(m);
        if (!s) {
          const values = Array.from({ length: m }, () => '(?, ?, ?)').join(', ');
          s = db.prepare(`WITH q(skill, share, required) AS (VALUES ${values})
            SELECT ts.talent AS talent,
              SUM(q.share * (${job.coverage} + ${job.levelFit} * MIN(1.0, ts.level * 1.0 / q.required))) AS s
            FROM q JOIN talent_skill ts ON ts.skill = q.skill
            GROUP BY ts.talent ORDER BY s DESC, ts.talent LIMIT ${top}`);
          statements.set(m, s);
        }
        return s;
      };
      return {
        query: (q) => {
          const args = q.codes.flatMap((c, i) => [c, q.shares[i], q.levels[i]]);
          return (statement(q.codes.length).all(...args) as { talent: number }[]).map((r) => r.talent);
        },
      };
    }
  }
}

async function run(job: PeerJob): Promise<PeerReport> {
  const t0 = performance.now();
  const engine = await build(job);
  const buildMs = performance.now() - t0;
  const queryMs: number[] = [];
  const tops: number[][] = [];
  const start = performance.now();
  for (const q of job.queries) {
    const t = performance.now();
    tops.push(await engine.query(q));
    queryMs.push(performance.now() - t);
    if (performance.now() - start > job.queryBudgetMs) break;
  }
  return { peer: job.peer, buildMs, queryMs, tops };
}

if (parentPort && (workerData as PeerJob | undefined)?.peer) {
  parentPort.postMessage(await run(workerData as PeerJob));
}
