import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RoutingRule } from './entities/routing-rule.entity';

@Injectable()
export class RoutingRepository {
  /** Enabled rules in evaluation order. */
  enabledRules(manager: EntityManager): Promise<RoutingRule[]> {
    return manager.find(RoutingRule, { where: { enabled: true }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  list(manager: EntityManager): Promise<RoutingRule[]> {
    return manager.find(RoutingRule, { order: { position: 'ASC', createdAt: 'ASC' } });
  }

  find(manager: EntityManager, id: string): Promise<RoutingRule | null> {
    return manager.findOne(RoutingRule, { where: { id } });
  }

  async save(manager: EntityManager, rule: RoutingRule, exists: boolean): Promise<void> {
    if (exists) await manager.update(RoutingRule, { id: rule.id }, rule);
    else await manager.insert(RoutingRule, rule);
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    return ((await manager.delete(RoutingRule, { id })).affected ?? 0) > 0;
  }
}
