import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertRows } from '../common/insert-rows';
import { InboundMessageEntity } from './entities/inbound-message.entity';

export type NewInbound = Pick<
  InboundMessageEntity,
  'id' | 'mailbox' | 'dedupeKey' | 'source' | 'envelopeFrom' | 'envelopeTo' | 'clientAddress' | 'raw' | 'status' | 'quarantineReason'
>;

@Injectable()
export class IntakeRepository {
  /** Stores raw mails; returns the ids of those stored — a mailbox that already has a mail keeps its copy. */
  async insertMany(manager: EntityManager, inbound: NewInbound[]): Promise<Set<string>> {
    if (inbound.length === 0) return new Set();
    const rows = inbound.map((m) => [
      m.id, m.mailbox, m.dedupeKey, m.source, m.envelopeFrom, m.envelopeTo, m.clientAddress, m.raw.length, m.raw, m.status, m.quarantineReason,
      m.status === 'stored' ? new Date() : null,
    ]);
    const stored = await insertRows<{ id: string }>(
      manager,
      'inbound_message',
      ['id', 'mailbox', 'dedupe_key', 'source', 'envelope_from', 'envelope_to', 'client_address', 'size', 'raw', 'status', 'quarantine_reason', 'processed_at'],
      rows,
      'ON CONFLICT (mailbox, dedupe_key) DO NOTHING RETURNING id',
    );
    return new Set(stored.map((row) => row.id));
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
    await manager.query(`UPDATE inbound_message SET status = 'stored', quarantine_reason = NULL, attempts = attempts + 1, processed_at = now() WHERE id = $1`, [id]);
  }

  async markStillQuarantined(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(`UPDATE inbound_message SET quarantine_reason = $2, attempts = attempts + 1 WHERE id = $1`, [id, reason]);
  }
}
