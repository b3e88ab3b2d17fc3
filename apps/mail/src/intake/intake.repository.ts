import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertRows } from '../common/insert-rows';
import { reusedMessageIdKey } from '../parsing/message-ids';
import { InboundMessageEntity } from './entities/inbound-message.entity';

export type NewInbound = Pick<
  InboundMessageEntity,
  'id' | 'mailbox' | 'dedupeKey' | 'contentHash' | 'source' | 'envelopeFrom' | 'envelopeTo' | 'clientAddress' | 'raw' | 'status' | 'quarantineReason'
>;

export interface StoredInbound {
  /** Stored although its Message-ID was taken in the mailbox: the content differs. */
  messageIdReused: boolean;
}

const INBOUND_COLUMNS = [
  'id',
  'mailbox',
  'dedupe_key',
  'content_hash',
  'source',
  'envelope_from',
  'envelope_to',
  'client_address',
  'size',
  'raw',
  'status',
  'quarantine_reason',
  'processed_at',
];

@Injectable()
export class IntakeRepository {
  /**
   * Stores raw mails; returns those stored, by id. A mailbox that already has
   * the mail (same dedupe key, same content) keeps its copy. A mail whose
   * Message-ID is taken by other content is stored under a key of its own and
   * reported as reused. Rows stored before content hashes were kept count as
   * the same content. The second statement runs only when something collided.
   */
  async insertMany(manager: EntityManager, inbound: NewInbound[]): Promise<Map<string, StoredInbound>> {
    if (inbound.length === 0) return new Map();
    const stored = new Map<string, StoredInbound>();
    for (const id of await this.insertIgnoringDuplicates(manager, inbound)) stored.set(id, { messageIdReused: false });
    const collided = inbound.filter((m) => !stored.has(m.id) && m.contentHash);
    if (collided.length === 0) return stored;
    const taken = await manager.query<{ mailbox: string; dedupe_key: string; content_hash: string | null }[]>(
      `SELECT mailbox, dedupe_key, content_hash FROM inbound_message WHERE (mailbox, dedupe_key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [collided.map((m) => m.mailbox), collided.map((m) => m.dedupeKey)],
    );
    const hashes = new Map(taken.map((row) => [`${row.mailbox}\n${row.dedupe_key}`, row.content_hash]));
    const reused = collided.filter((m) => {
      const existing = hashes.get(`${m.mailbox}\n${m.dedupeKey}`);
      return existing !== undefined && existing !== null && existing !== m.contentHash;
    });
    if (reused.length === 0) return stored;
    const again = reused.map((m) => ({ ...m, dedupeKey: reusedMessageIdKey(m.dedupeKey, m.contentHash!) }));
    for (const id of await this.insertIgnoringDuplicates(manager, again)) stored.set(id, { messageIdReused: true });
    return stored;
  }

  private async insertIgnoringDuplicates(manager: EntityManager, inbound: NewInbound[]): Promise<string[]> {
    const rows = inbound.map((m) => [
      m.id,
      m.mailbox,
      m.dedupeKey,
      m.contentHash,
      m.source,
      m.envelopeFrom,
      m.envelopeTo,
      m.clientAddress,
      m.raw.length,
      m.raw,
      m.status,
      m.quarantineReason,
      m.status === 'stored' ? new Date() : null,
    ]);
    const stored = await insertRows<{ id: string }>(
      manager,
      'inbound_message',
      INBOUND_COLUMNS,
      rows,
      'ON CONFLICT (mailbox, dedupe_key) DO NOTHING RETURNING id',
    );
    return stored.map((row) => row.id);
  }

  async listQuarantined(manager: EntityManager, filter: { mailbox?: string; limit: number }): Promise<{ items: InboundMessageEntity[]; total: number }> {
    const repository = manager.getRepository(InboundMessageEntity);
    const where = { status: 'quarantined' as const, ...(filter.mailbox ? { mailbox: filter.mailbox.toLowerCase() } : {}) };
    const [items, total] = await repository.findAndCount({
      where,
      order: { receivedAt: 'DESC' },
      take: filter.limit,
      select: ['id', 'mailbox', 'source', 'envelopeFrom', 'size', 'quarantineReason', 'attempts', 'receivedAt', 'status'],
    });
    return { items, total };
  }

  /** The quarantined mail, locked against a parallel retry. */
  findQuarantinedForUpdate(manager: EntityManager, id: string): Promise<InboundMessageEntity | null> {
    return manager.getRepository(InboundMessageEntity).findOne({ where: { id, status: 'quarantined' }, lock: { mode: 'pessimistic_write' } });
  }

  async markStored(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE inbound_message SET status = 'stored', quarantine_reason = NULL, attempts = attempts + 1, processed_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  async markStillQuarantined(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(`UPDATE inbound_message SET quarantine_reason = $2, attempts = attempts + 1 WHERE id = $1`, [id, reason]);
  }
}
