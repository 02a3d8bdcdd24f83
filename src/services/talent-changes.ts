/**
 * How a ranking index kept in memory learns that talents changed, without a full rebuild:
 * - in this process, listeners hear after each commit, with the talents as written;
 * - in other processes (a CLI import while `vivier serve` runs), a journal in the meta table says which
 *   talents changed: a revision number per organization and, in a ring of `JOURNAL_SLOTS` slots, the ids
 *   each revision wrote. It is written in the same transaction as the talents, so a reader never sees a
 *   revision without its rows or rows without their revision; a reader that fell more than a ring behind
 *   (or meets a write too big to list) rebuilds from storage.
 *
 * Writers do not call anything: services get the store through `TalentChanges.journaled`, which records
 * every talent write of a transaction and journals them just before it commits. So no writer can forget,
 * and a new writer is covered by construction; a new port method that writes or deletes talents must be
 * added to the wrapper below (it lists the only three today: `talents.upsertMany`, `imports.writeTalents`,
 * `imports.writePackedTalents`).
 */
import { unpackTalent, type PackedTalentRow } from '../core/import/packed-talent.js';
import type { Talent } from '../core/model.js';
import type { ImportStore, Store, TalentStore, TransactionOptions } from './ports.js';

/** What one committed transaction did to an organization's talents. */
export interface TalentChange {
  orgId: string;
  /** The journal revision the transaction wrote. */
  rev: number;
  /**
   * The talents as written, last write of an id winning (empty when `all`). Rows written packed (imports)
   * are unpacked on first read: a listener with nothing to update never pays for it.
   */
  upserted: readonly Talent[];
  removed: readonly string[];
  /** Too many to list (more than MAX_JOURNALED_IDS): anything in the organization may have changed. */
  all: boolean;
}

/** Told synchronously after the commit; must not throw and should only schedule work. */
export interface TalentChangeListener {
  talentsChanged(change: TalentChange): void;
}

/** One revision as journaled: the ids it wrote or removed, or null for "too many to list". */
export interface JournalEntry {
  rev: number;
  ids: string[] | null;
}

/**
 * Ring size. A reader checks at least once a second while it serves queries, and a batched import commits
 * a batch of 5,000 talents in about a second, so 128 revisions leave minutes of slack.
 */
export const JOURNAL_SLOTS = 128;
/**
 * A transaction writing more ids than this journals "all" (a demo seed of a million): listing them would
 * cost more than the rebuild it saves. Import batches (5,000 by default) stay under it.
 */
export const MAX_JOURNALED_IDS = 20_000;

const revKey = (orgId: string) => `talents.rev.${orgId}`;
const slotKey = (orgId: string, rev: number) => `talents.log.${orgId}.${rev % JOURNAL_SLOTS}`;
/** Written first by each journaling transaction (see appendJournal). */
const lockKey = (orgId: string) => `talents.lock.${orgId}`;

/** The organization's latest committed journal revision (0 before any write). */
export async function journalRevision(store: Store, orgId: string): Promise<number> {
  const raw = await store.getMeta(revKey(orgId));
  return raw === null ? 0 : Number(raw);
}

/**
 * The entries of revisions `after + 1` to `upTo`, in order; null when one is no longer in the ring
 * (overwritten by a later revision), so the caller must rebuild.
 */
export async function journalEntries(
  store: Store,
  orgId: string,
  after: number,
  upTo: number,
): Promise<JournalEntry[] | null> {
  if (upTo - after > JOURNAL_SLOTS) return null;
  const out: JournalEntry[] = [];
  for (let rev = after + 1; rev <= upTo; rev++) {
    const raw = await store.getMeta(slotKey(orgId, rev));
    const e = raw === null ? null : (JSON.parse(raw) as JournalEntry);
    if (!e || e.rev !== rev) return null;
    out.push(e);
  }
  return out;
}

/**
 * Appends a revision to the organization's journal: the ids a transaction wrote or removed, or null for
 * "anything may have changed". Call it inside that transaction (the journaled store does, for the port
 * methods it wraps; a writer that changes talents some other way must). Returns the revision.
 */
export async function appendJournal(
  tx: Store,
  orgId: string,
  ids: readonly string[] | null,
): Promise<number> {
  // The lock row first: on PostgreSQL (read committed) a concurrent writer waits here until this one
  // commits, then reads the revision it wrote, so two transactions never take the same number.
  await tx.setMeta(lockKey(orgId), '');
  const rev = (await journalRevision(tx, orgId)) + 1;
  await tx.setMeta(slotKey(orgId, rev), JSON.stringify({ rev, ids: ids && [...ids] } satisfies JournalEntry));
  await tx.setMeta(revKey(orgId), String(rev));
  return rev;
}

/** A talent written, as it was given: whole, or packed (imports). */
type Written = Talent | PackedTalentRow;

const asTalent = (w: Written): Talent => ('packed' in w ? unpackTalent(w.id, w.packed) : w);

/** The talent writes of one transaction, per organization, until it commits. */
class PendingChanges {
  private readonly orgs = new Map<
    string,
    { upserted: Map<string, Written> | null; removed: Set<string> | null }
  >();

  private org(orgId: string) {
    let o = this.orgs.get(orgId);
    if (!o) this.orgs.set(orgId, (o = { upserted: new Map(), removed: new Set() }));
    return o;
  }

  upsert(orgId: string, talents: readonly Written[]): void {
    const o = this.org(orgId);
    if (!o.upserted || !o.removed) return;
    for (const t of talents) {
      o.upserted.set(t.id, t);
      o.removed.delete(t.id);
    }
    this.cap(o);
  }

  /** For a port method that deletes talents (none yet: erasure will need one). */
  remove(orgId: string, ids: readonly string[]): void {
    const o = this.org(orgId);
    if (!o.upserted || !o.removed) return;
    for (const id of ids) {
      o.upserted.delete(id);
      o.removed.add(id);
    }
    this.cap(o);
  }

  /** Past the cap, keep no references: a seed of a million must not hold the million until it commits. */
  private cap(o: { upserted: Map<string, Written> | null; removed: Set<string> | null }): void {
    if (o.upserted && o.removed && o.upserted.size + o.removed.size > MAX_JOURNALED_IDS) {
      o.upserted = null;
      o.removed = null;
    }
  }

  /** Journals each organization's writes in the transaction `tx`; returns what to tell after commit. */
  async flush(tx: Store): Promise<TalentChange[]> {
    const out: TalentChange[] = [];
    for (const [orgId, o] of this.orgs) {
      const ids = o.upserted && o.removed ? [...o.upserted.keys(), ...o.removed] : null;
      const rev = await appendJournal(tx, orgId, ids);
      const written = o.upserted ? [...o.upserted.values()] : [];
      let upserted: Talent[] | null = null;
      out.push({
        orgId,
        rev,
        get upserted() {
          return (upserted ??= written.map(asTalent));
        },
        removed: o.removed ? [...o.removed] : [],
        all: ids === null,
      });
    }
    return out;
  }
}

/** The listeners of one wiring (one process, or one simulated process in tests). */
export class TalentChanges {
  private readonly listeners = new Set<TalentChangeListener>();

  /** Adds a listener; returns how to remove it. */
  subscribe(listener: TalentChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `store`, with every talent write journaled in its transaction and told to listeners after commit. */
  journaled(store: Store): Store {
    return journaledStore(store, this, null);
  }

  notify(changes: readonly TalentChange[]): void {
    for (const change of changes) for (const l of this.listeners) l.talentsChanged(change);
  }
}

/** Forwards every member to `target`, methods bound to it, except those in `overrides`. */
function forwarding<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (Object.prototype.hasOwnProperty.call(overrides, prop)) return overrides[prop as keyof T];
      const v: unknown = Reflect.get(t, prop, t);
      // Bound to the repository itself, so its own (even #private) members keep working.
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

/**
 * `inner` with talent writes recorded in `pending` (inside a transaction), or, outside one, each write run
 * in a transaction of its own so that it is journaled atomically with its rows.
 */
function journaledStore(inner: Store, changes: TalentChanges, pending: PendingChanges | null): Store {
  const self: Store = {
    ...inner,
    talents: forwarding<TalentStore>(inner.talents, {
      async upsertMany(orgId, talents, at) {
        if (!pending) return self.transaction((tx) => tx.talents.upsertMany(orgId, talents, at));
        await inner.talents.upsertMany(orgId, talents, at);
        pending.upsert(orgId, talents);
      },
    }),
    imports: forwarding<ImportStore>(inner.imports, {
      async writeTalents(orgId, talents, at, existing) {
        if (!pending) return self.transaction((tx) => tx.imports.writeTalents(orgId, talents, at, existing));
        await inner.imports.writeTalents(orgId, talents, at, existing);
        pending.upsert(orgId, talents);
      },
      async writePackedTalents(orgId, rows, at, skills, options) {
        // Alone, the write is its own transaction: nothing is left running after it.
        if (!pending)
          return self.transaction((tx) =>
            tx.imports.writePackedTalents(orgId, rows, at, skills, { ...options, defer: false }),
          );
        await inner.imports.writePackedTalents(orgId, rows, at, skills, options);
        pending.upsert(orgId, rows);
      },
    }),
    async transaction<T>(fn: (store: Store) => Promise<T>, options?: TransactionOptions): Promise<T> {
      // Nested calls join the outer transaction, as the store's own do.
      if (pending) return fn(self);
      const own = new PendingChanges();
      let told: TalentChange[] = [];
      const result = await inner.transaction(async (tx) => {
        const r = await fn(journaledStore(tx, changes, own));
        told = await own.flush(tx);
        return r;
      }, options);
      changes.notify(told);
      return result;
    },
  };
  return self;
}
