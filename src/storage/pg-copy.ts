/**
 * COPY … FROM STDIN on the connection Kysely runs a query on, so a bulk write joins the caller's
 * transaction. Kysely has no COPY: openDatabase wraps the pg pool so that a query whose text starts with
 * COPY_MARK is run as a COPY (pg-copy-streams) with its one parameter as the data; any other query goes to
 * pg unchanged. A database not opened that way (PGlite in tests) is not registered, and its writers use
 * INSERT … SELECT FROM unnest(…) instead.
 *
 * Why COPY: for a talent row (≈ 2 KB, most of it JSON text) COPY's text format costs the server ≈ 20 µs a
 * row against ≈ 33 µs for unnest of typed arrays, and the client less (no array literal to escape), see
 * docs/decisions/0005-talent-storage-layout.md.
 */
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from './schema.js';

export const COPY_MARK = '/* vivier:copy */ ';

const copying = new WeakSet<Kysely<Database>>();

export function registerPgCopy(db: Kysely<Database>): void {
  copying.add(db);
}

/** Whether `db` (a root Kysely instance) runs COPY_MARK queries as COPY. */
export const supportsCopy = (db: Kysely<Database>): boolean => copying.has(db);

type PoolClient = pg.PoolClient;

/** The pool Kysely is given: the clients of `pool`, each wrapped once (Kysely keys its connections on them). */
export function copyingPool(pool: pg.Pool): { connect(): Promise<PoolClient>; end(): Promise<void> } {
  const wrapped = new WeakMap<PoolClient, PoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) wrapped.set(client, (w = wrap(client)));
      return w;
    },
    end: () => pool.end(),
  };
}

function wrap(client: PoolClient): PoolClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== 'query') {
        const v: unknown = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      }
      return (text: unknown, values?: unknown[]) => {
        if (typeof text === 'string' && text.startsWith(COPY_MARK))
          return copyIn(target, text.slice(COPY_MARK.length), values?.[0]);
        return (target.query as (...a: unknown[]) => unknown)(text, values);
      };
    },
  });
}

async function copyIn(client: PoolClient, sql: string, data: unknown) {
  if (typeof data !== 'string' && !Buffer.isBuffer(data))
    throw new Error('COPY: the data must be one string or one buffer');
  const stream = client.query(copyFrom(sql));
  await pipeline(Readable.from([data]), stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A cell of COPY's text format: NULL as \N, backslash, tab, newline and carriage return escaped. */
export function copyCell(v: string | number | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return SPECIAL.test(v) ? v.replace(SPECIAL_ALL, (c) => ESCAPES[c] as string) : v;
}
