import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager } from 'typeorm';
import { SearchTicketsRequest } from '@d115/contracts';
import { hydrate } from '@d115/database';
import { decodeCursor, encodeCursor } from './domain/municipality-scope';
import { Ticket } from './entities/ticket.entity';

export type TicketPatch = Partial<Omit<Ticket, 'id' | 'number' | 'version' | 'createdAt' | 'updatedAt'>>;

/** Cases in the tickets schema. Every change bumps `version` (optimistic concurrency). */
@Injectable()
export class CasesRepository {
  /** `115-<year>-<sequence>` from the year's sequence (unique; gaps allowed). */
  async nextNumber(manager: EntityManager, year: number): Promise<string> {
    const [row] = await manager.query('SELECT next_ticket_number($1) AS number', [year]);
    return row.number as string;
  }

  async insert(manager: EntityManager, ticket: Ticket): Promise<void> {
    await manager.insert(Ticket, ticket);
  }

  find(manager: EntityManager, id: string): Promise<Ticket | null> {
    return manager.findOne(Ticket, { where: { id } });
  }

  findByNumber(manager: EntityManager, number: string): Promise<Ticket | null> {
    return manager.findOne(Ticket, { where: { number } });
  }

  async existsOrigin(manager: EntityManager, originRef: string): Promise<boolean> {
    return (await manager.count(Ticket, { where: { originRef } })) > 0;
  }

  /** Locks the case row until the transaction ends (waits for other writers). */
  async lock(manager: EntityManager, id: string): Promise<Ticket | null> {
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM ticket WHERE id = $1 FOR UPDATE', [id]);
    return rows[0] ? hydrate(manager, Ticket, rows[0]) : null;
  }

  /** Locks the case unless another transaction holds it. */
  async tryLock(manager: EntityManager, id: string): Promise<Ticket | null> {
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM ticket WHERE id = $1 FOR UPDATE SKIP LOCKED', [id]);
    return rows[0] ? hydrate(manager, Ticket, rows[0]) : null;
  }

  /** Writes the given columns, bumps the version, returns the case as it is now. */
  async patch(manager: EntityManager, id: string, patch: TicketPatch, at: Date): Promise<Ticket> {
    const metadata = manager.connection.getMetadata(Ticket);
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [property, value] of Object.entries(patch)) {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`ticket has no column for ${property}`);
      values.push(column.type === 'jsonb' ? JSON.stringify(value) : value);
      sets.push(`${column.databaseName} = $${values.length}`);
    }
    values.push(at, id);
    const rows: [Record<string, unknown>[], number] = await manager.query(
      `UPDATE ticket SET ${[...sets, `updated_at = $${values.length - 1}`, 'version = version + 1'].join(', ')}
       WHERE id = $${values.length} RETURNING *`,
      values,
    );
    return hydrate(manager, Ticket, rows[0][0]);
  }

  async search(manager: EntityManager, query: SearchTicketsRequest): Promise<{ total: number; items: Ticket[]; nextCursor?: string }> {
    const builder = manager.createQueryBuilder(Ticket, 't');
    if (query.states?.length) builder.andWhere('t.state IN (:...states)', { states: query.states });
    if (query.queue) builder.andWhere('t.queue_id = :queue', { queue: query.queue });
    if (query.ownerAgentId) builder.andWhere('t.owner_agent_id = :owner', { owner: query.ownerAgentId });
    if (query.channel) builder.andWhere('t.channel = :channel', { channel: query.channel });
    if (query.leikaPrefix) builder.andWhere('t.leika_key LIKE :leika', { leika: `${query.leikaPrefix}%` });
    if (query.arsPrefix) builder.andWhere('t.ars LIKE :ars', { ars: `${query.arsPrefix}%` });
    if (query.createdFrom) builder.andWhere('t.created_at >= :from', { from: query.createdFrom });
    if (query.createdTo) builder.andWhere('t.created_at < :to', { to: query.createdTo });
    if (query.scope?.length) {
      const scope = query.scope;
      builder.andWhere(
        new Brackets((where) => {
          where.where('t.ars IS NULL');
          scope.forEach((prefix, i) => where.orWhere(`t.ars LIKE :scope${i}`, { [`scope${i}`]: `${prefix}%` }));
        }),
      );
    }
    if (query.text?.trim()) {
      const text = query.text.trim();
      builder.andWhere(
        new Brackets((where) =>
          where.where('t.number = :number', { number: text }).orWhere("t.subject ILIKE :words ESCAPE '\\'", {
            words: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
          }),
        ),
      );
    }
    const total = await builder.getCount();
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      builder.andWhere('(t.created_at, t.id) < (:afterAt, :afterId)', { afterAt: after.createdAt, afterId: after.id });
    }
    const limit = query.limit ?? 50;
    const page = await builder
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .take(limit + 1)
      .skip(query.cursor ? 0 : (query.offset ?? 0))
      .getMany();
    const items = page.slice(0, limit);
    const last = items[items.length - 1];
    return { total, items, nextCursor: page.length > limit && last ? encodeCursor(last.createdAt, last.id) : undefined };
  }
}
