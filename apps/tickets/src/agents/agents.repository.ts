import { Injectable } from '@nestjs/common';
import { ArrayContains, EntityManager, FindOptionsWhere } from 'typeorm';
import { AgentPresence } from '@d115/contracts';
import { Queue } from '../queues/entities/queue.entity';
import { Agent } from './entities/agent.entity';

@Injectable()
export class AgentsRepository {
  find(manager: EntityManager, id: string): Promise<Agent | null> {
    return manager.findOne(Agent, { where: { id } });
  }

  lock(manager: EntityManager, id: string): Promise<Agent | null> {
    return manager.findOne(Agent, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  list(manager: EntityManager, filter: { queue?: string; presence?: AgentPresence }): Promise<Agent[]> {
    const where: FindOptionsWhere<Agent> = {};
    if (filter.queue) where.queues = ArrayContains([filter.queue]);
    if (filter.presence) where.presence = filter.presence;
    return manager.find(Agent, { where, order: { id: 'ASC' } });
  }

  async insert(manager: EntityManager, agent: Agent): Promise<void> {
    await manager.insert(Agent, agent);
  }

  async update(manager: EntityManager, id: string, patch: Partial<Agent>): Promise<void> {
    await manager.update(Agent, { id }, patch);
  }

  /** Queue id → target expression of every queue (the set is small). */
  async queueExpressions(manager: EntityManager): Promise<Map<string, string | null>> {
    const queues = await manager.find(Queue, { select: { id: true, targetExpression: true } });
    return new Map(queues.map((queue) => [queue.id, queue.targetExpression]));
  }

  /** Agents that serve a queue, locked (for recomputing eligibility after the queue changed). */
  async lockServing(manager: EntityManager, queueId: string): Promise<Agent[]> {
    return manager.find(Agent, { where: { queues: ArrayContains([queueId]) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }
}
