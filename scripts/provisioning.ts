import { STATEFUL_SERVICES, StatefulServiceName } from '@d115/contracts';
import { ServiceDatabase, withCredentials, withDatabase } from '@d115/database';

/**
 * How d115 lays out one Postgres database: a schema and a login role per
 * service. Role passwords come from `<SERVICE>_DATABASE_PASSWORD`; the
 * development default is the role name (set real ones in production).
 */
export interface Layout {
  adminUrl: string;
  database: string;
  services: Record<StatefulServiceName, ServiceDatabase & { url: string }>;
}

export function databaseLayout(env: Record<string, string | undefined>, adminUrl: string): Layout {
  const database = env.D115_DATABASE ?? 'd115';
  const rolePrefix = env.D115_ROLE_PREFIX ?? 'd115_';
  const services = Object.fromEntries(
    STATEFUL_SERVICES.map((service) => {
      const role = `${rolePrefix}${service}`;
      const password = env[`${service.toUpperCase()}_DATABASE_PASSWORD`] ?? role;
      const url = withCredentials(withDatabase(adminUrl, database), role, password);
      return [service, { schema: service, role, password, url }];
    }),
  ) as Layout['services'];
  return { adminUrl, database, services };
}
