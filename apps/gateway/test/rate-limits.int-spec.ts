import { TestEnvironment, waitFor } from '@d115/testing';
import { DemoGateway } from './support/demo-gateway';

const LIMIT = 40;

/** Two gateway instances on one NATS: a client's requests count against one limit, whichever instance they reach. */
describe('rate limits shared by gateway instances', () => {
  let env: TestEnvironment;
  let first: DemoGateway;
  let second: DemoGateway;

  beforeAll(async () => {
    env = await TestEnvironment.create([]);
    const limits = { RATE_LIMIT_PER_IP: String(LIMIT), RATE_LIMIT_SYNC_MS: '100' };
    [first, second] = await Promise.all([DemoGateway.start(env, limits), DemoGateway.start(env, limits)]);
  });

  afterAll(async () => {
    await env.dispose();
    first.removeKey();
    second.removeKey();
  });

  it('counts the requests one instance took against the limit on the other', async () => {
    // Windows are whole minutes: start well inside one.
    await waitFor(() => Date.now() % 60_000 < 45_000, 'a minute with 15 s to go', { timeoutMs: 20_000, intervalMs: 200 });
    for (let i = 0; i < 5; i++) expect((await fetch(first.url('/api/v1/auth/config'))).status).toBe(200);
    let takenBySecond = 0;
    // The second instance learns the first one's count within a sync interval.
    const remaining = await waitFor(async () => {
      const response = await fetch(second.url('/api/v1/auth/config'));
      takenBySecond++;
      const left = Number(response.headers.get('x-ratelimit-remaining'));
      return left === LIMIT - 5 - takenBySecond ? left : undefined;
    }, 'all five of the first instance’s requests counted at the second');
    const statuses: number[] = [];
    for (let i = 0; i < remaining + 1; i++) statuses.push((await fetch(second.url('/api/v1/auth/config'))).status);
    expect(statuses.at(-1)).toBe(429);
    // The second instance alone took fewer requests than the limit.
    expect(takenBySecond + statuses.length).toBeLessThan(LIMIT);
  });
});
