/** Where the tests find Postgres and NATS, resolved once by the global setup. */
export interface TestInfrastructure {
  adminUrl: string;
  natsUrl: string;
}

export const ENV_ADMIN_URL = 'D115_TEST_DATABASE_ADMIN_URL';
export const ENV_NATS_URL = 'D115_TEST_NATS_URL';

export function infrastructure(): TestInfrastructure {
  const adminUrl = process.env[ENV_ADMIN_URL];
  const natsUrl = process.env[ENV_NATS_URL];
  if (!adminUrl || !natsUrl) {
    throw new Error('test infrastructure not resolved: run the tests through Jest (globalSetup in libs/testing)');
  }
  return { adminUrl, natsUrl };
}
