import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers';

/** Turns a raw row (snake_case columns) into an entity instance, using the entity's metadata. */
export function hydrate<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!(column.databaseName in row)) continue;
    const raw = row[column.databaseName];
    (entity as Record<string, unknown>)[column.propertyName] = column.transformer ? ApplyValueTransformers.transformFrom(column.transformer, raw) : raw;
  }
  return entity;
}
