import type { Kysely } from 'kysely';
import { GENESIS_HASH, type AuditEvent, type AuditEventInput, type AuditStore } from '../services/ports.js';
import type { AuditEventTable, Database } from './schema.js';

export class AuditRepository implements AuditStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Call inside a transaction: reading the chain's head and appending must not interleave. */
  async append(
    event: AuditEventInput,
    hashOf: (e: Omit<AuditEvent, 'hash'>) => string,
    newId: () => string,
  ): Promise<AuditEvent> {
    const head = await this.db
      .selectFrom('audit_event')
      .select(['seq', 'hash'])
      .where('org_id', '=', event.orgId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const unhashed: Omit<AuditEvent, 'hash'> = {
      ...event,
      id: newId(),
      seq: (head?.seq ?? 0) + 1,
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const full: AuditEvent = { ...unhashed, hash: hashOf(unhashed) };
    // The unique (org_id, seq) constraint turns a concurrent append into an error, never a fork.
    await this.db
      .insertInto('audit_event')
      .values({
        id: full.id,
        org_id: full.orgId,
        seq: full.seq,
        at: full.at,
        actor: full.actor,
        action: full.action,
        entity_type: full.entityType,
        entity_id: full.entityId,
        detail: JSON.stringify(full.detail),
        prev_hash: full.prevHash,
        hash: full.hash,
      })
      .execute();
    return full;
  }

  async list(orgId: string, limit: number): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_event')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }
}

function toEvent(r: AuditEventTable): AuditEvent {
  return {
    id: r.id,
    orgId: r.org_id,
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
