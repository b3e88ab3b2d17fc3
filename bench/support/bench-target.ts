import { randomBytes } from 'node:crypto';
import { Namespace } from '@d115/messaging';

/** Where a benchmark runs one service: a private database and role, a private NATS namespace. */
export interface BenchTarget {
  adminUrl: string;
  natsUrl: string;
  database: string;
  role: string;
  password: string;
  namespace: Namespace;
}

export function benchTarget(service: string): BenchTarget {
  const id = randomBytes(4).toString('hex');
  return {
    adminUrl: process.env.D115_TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    natsUrl: process.env.D115_TEST_NATS_URL ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    database: `d115_bench_${service}_${id}`,
    role: `d115_bench_${service}`,
    password: randomBytes(12).toString('hex'),
    namespace: new Namespace(`bench-${service}-${id}`),
  };
}
