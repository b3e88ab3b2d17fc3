import { Injectable } from '@nestjs/common';
import { Transactions } from '@d115/database';
import { Service } from './entities/service.entity';

@Injectable()
export class CatalogueRepository {
  constructor(private readonly transactions: Transactions) {}

  findByLeikaKey(leikaKey: string): Promise<Service | null> {
    return this.transactions.manager.findOne(Service, { where: { leikaKey } });
  }

  findById(id: string): Promise<Service | null> {
    return this.transactions.manager.findOne(Service, { where: { id } });
  }
}
