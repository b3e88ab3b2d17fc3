import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Authority } from './entities/authority.entity';

@Injectable()
export class ForwardingRepository {
  find(manager: EntityManager, id: string): Promise<Authority | null> {
    return manager.findOne(Authority, { where: { id } });
  }

  list(manager: EntityManager): Promise<Authority[]> {
    return manager.find(Authority, { order: { name: 'ASC' } });
  }

  async save(manager: EntityManager, authority: Authority, exists: boolean): Promise<void> {
    if (exists) await manager.update(Authority, { id: authority.id }, authority);
    else await manager.insert(Authority, authority);
  }
}
