import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@d115/database';
import { DATA_SOURCE } from '@d115/platform';

/**
 * The one place the knowledge service opens transactions (READ COMMITTED).
 * Repositories use it; use cases never see a DataSource. (When the shared
 * transaction helper lands in libs/database, this class is what changes.)
 */
@Injectable()
export class Transactions {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** For reads outside a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }
}
