import { Client } from 'pg';
import { assertIdentifier, quoteLiteral } from './identifiers';

export interface ServiceDatabase {
  /** Schema the service owns, usually the service name. */
  schema: string;
  /** Login role that owns the schema and may touch nothing else. */
  role: string;
  password: string;
}

/**
 * Creates the database if missing, and per service a login role that owns its
 * schema and has no rights on any other. Idempotent, safe to run concurrently
 * (provisioners take turns), needs a superuser or CREATEROLE admin URL.
 */
export async function provisionDatabase(adminUrl: string, database: string, services: ServiceDatabase[]): Promise<void> {
  assertIdentifier(database, 'database name');
  // Roles belong to the whole cluster: two provisioners altering the same role at once fail with
  // "tuple concurrently updated". An advisory lock in the admin URL's database (the one all of them
  // connect to, whichever database they provision) makes them take turns.
  const lock = new Client({ connectionString: adminUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', ['d115:provision']);
    await provisionLocked(adminUrl, database, services);
  } finally {
    await lock.end();
  }
}

async function provisionLocked(adminUrl: string, database: string, services: ServiceDatabase[]): Promise<void> {
  await ensureDatabase(adminUrl, database);
  const client = new Client({ connectionString: withDatabase(adminUrl, database) });
  await client.connect();
  try {
    const superuser = (await client.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0]?.rolsuper === true;
    await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await client.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
    for (const service of services) {
      assertIdentifier(service.schema, 'schema name');
      assertIdentifier(service.role, 'role name');
      await ignoreAlreadyExists(client.query(`CREATE ROLE ${service.role} LOGIN PASSWORD ${quoteLiteral(service.password)}`));
      await client.query(`ALTER ROLE ${service.role} LOGIN PASSWORD ${quoteLiteral(service.password)}`);
      // A non-superuser admin (managed Postgres) must be a member to hand the schema over.
      if (!superuser) await ignoreAlreadyExists(client.query(`GRANT ${service.role} TO CURRENT_USER`));
      await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${service.role}`);
      await ignoreAlreadyExists(client.query(`CREATE SCHEMA IF NOT EXISTS ${service.schema} AUTHORIZATION ${service.role}`));
      await client.query(`ALTER SCHEMA ${service.schema} OWNER TO ${service.role}`);
      await client.query(`ALTER ROLE ${service.role} IN DATABASE ${database} SET search_path = ${service.schema}`);
      for (const extension of SCHEMA_EXTENSIONS[service.schema] ?? []) await createExtension(client, extension, service.schema);
    }
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  assertIdentifier(database, 'database name');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await ignoreAlreadyExists(admin.query(`CREATE DATABASE ${database}`));
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  assertIdentifier(database, 'database name');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** The same connection URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The same connection URL with other credentials. */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/**
 * Extensions a schema's service uses, created by the admin (the service role may not): the knowledge
 * search's typo tolerance needs pg_trgm. Shipped with Postgres' contrib (Debian's postgresql-15, the
 * postgres image, the embedded Postgres); where it is missing the service degrades and says so.
 */
const SCHEMA_EXTENSIONS: Record<string, string[]> = { knowledge: ['pg_trgm'] };

async function createExtension(client: Client, extension: string, schema: string): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_extension WHERE extname = $1', [extension]);
  if (rowCount) return; // already there, perhaps in another schema: the service finds it where it is
  try {
    await client.query(`CREATE EXTENSION IF NOT EXISTS ${extension} WITH SCHEMA ${schema}`);
  } catch (error) {
    if (DUPLICATE_CODES.has((error as { code?: string }).code ?? '')) return;
    process.emitWarning(`extension ${extension} not created in schema ${schema}: ${(error as Error).message}`, 'ProvisioningWarning');
  }
}

const DUPLICATE_CODES = new Set(['42P04', '42710', '42P06', '23505']);

async function ignoreAlreadyExists(query: Promise<unknown>): Promise<void> {
  try {
    await query;
  } catch (error) {
    if (!DUPLICATE_CODES.has((error as { code?: string }).code ?? '')) throw error;
  }
}
