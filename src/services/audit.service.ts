import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from './clock.js';
import { GENESIS_HASH, type AuditEvent, type Store } from './ports.js';

/** Canonical JSON (sorted keys) so the same event always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashAuditEvent(e: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(canonical(e)).digest('hex');
}

export interface AuditRecord {
  orgId: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

/** Append-only, hash-chained audit trail: each event's hash covers the previous one's. */
export class AuditService {
  constructor(private readonly clock: Clock) {}

  /** Records an event through `store`, which should be the transaction that made the change. */
  record(store: Store, r: AuditRecord): Promise<AuditEvent> {
    return store.audit.append(
      {
        orgId: r.orgId,
        at: this.clock.now(),
        actor: r.actor,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        detail: r.detail ?? {},
      },
      hashAuditEvent,
      randomUUID,
    );
  }

  /** Recomputes the chain; returns the first broken sequence number, or null when intact. */
  static verify(eventsAscending: readonly AuditEvent[]): number | null {
    let prev = GENESIS_HASH;
    for (const e of eventsAscending) {
      const { hash, ...rest } = e;
      if (e.prevHash !== prev || hashAuditEvent(rest) !== hash) return e.seq;
      prev = hash;
    }
    return null;
  }
}
