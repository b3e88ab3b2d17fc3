import globalSetup from '../../libs/testing/src/global-setup';

/** Benchmarks use the same real Postgres and NATS resolution as the tests (env, localhost, containers). */
export async function prepareBenchInfrastructure(): Promise<void> {
  await globalSetup();
}
