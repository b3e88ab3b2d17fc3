import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Queue } from './entities/queue.entity';

@Injectable()
export class QueuesRepository {
  find(manager: EntityManager, id: string): Promise<Queue | null> {
    return manager.findOne(Queue, { where: { id } });
  }

  list(manager: EntityManager): Promise<Queue[]> {
    return manager.find(Queue, { order: { id: 'ASC' } });
  }

  async existing(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.find(Queue, { select: { id: true }, where: { id: In(ids) } });
    return new Set(rows.map((row) => row.id));
  }

  /** Inserts or replaces; returns the row before the change (undefined when new). */
  async upsert(manager: EntityManager, queue: Omit<Queue, 'createdAt'>): Promise<Queue | undefined> {
    const before = await manager.findOne(Queue, { where: { id: queue.id }, lock: { mode: 'pessimistic_write' } });
    if (before) await manager.update(Queue, { id: queue.id }, queue);
    else await manager.insert(Queue, { ...queue, createdAt: queue.updatedAt });
    return before ?? undefined;
  }

  /** Creates the default queue when missing (every instance at start; concurrent starts are fine). */
  async ensure(manager: EntityManager, id: string, name: string, reservationTimeoutSeconds: number, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO queue (id, name, target_expression, reservation_timeout_seconds, created_at, updated_at)
       VALUES ($1, $2, NULL, $3, $4, $4) ON CONFLICT (id) DO NOTHING`,
      [id, name, reservationTimeoutSeconds, at],
    );
  }
}
