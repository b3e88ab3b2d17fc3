import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './naming.strategy';
import { assertIdentifier } from './identifiers';

export interface ServiceDataSourceOptions {
  url: string;
  schema: string;
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/** A service's own DataSource: its schema only, its entities only, migrations, never synchronize. */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const schema = assertIdentifier(options.schema, 'schema name');
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: options.applicationName,
    extra: {
      max: options.poolSize ?? 10,
      options: `-c search_path=${schema}`,
      connectionTimeoutMillis: 5000,
    },
  });
}

/** The schema a migration runs in (migrations never hard-code it). */
export function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('DataSource has no schema configured');
  return schema;
}
