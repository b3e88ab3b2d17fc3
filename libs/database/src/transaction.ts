import { DataSource, EntityManager } from 'typeorm';

/** Runs `work` in one READ COMMITTED transaction; commit on success, rollback on throw. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}
