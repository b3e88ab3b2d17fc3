import { NatsConnection } from 'nats';
import { TicketSubjects } from '@d115/contracts';
import { RunningService } from '@d115/platform';
import { TestEnvironment } from '@d115/testing';
import { hashIntegrationToken } from '../src/auth/integration-tokens';
import { GatewayEnv } from '../src/config/gateway.env';
import { gatewayService } from '../src/main';
import { foreignToken, TestOidcProvider, unsignedToken } from './support/oidc-provider';
import { StubService } from './support/stub-service';

/** Bearer tokens from a real OpenID provider on loopback, verified through its JWKS, issuer and audience. */
describe('gateway authentication with an OIDC provider', () => {
  let env: TestEnvironment;
  let idp: TestOidcProvider;
  let gateway: RunningService<GatewayEnv>;
  let nc: NatsConnection;
  let agents: StubService;
  const url = (path: string) => `http://127.0.0.1:${gateway.port}${path}`;
  const get = (path: string, token?: string) => fetch(url(path), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    env = await TestEnvironment.create();
    idp = await TestOidcProvider.start([
      { id: 'agent-anna', roles: ['agent'], ars: ['13'] },
      { id: 'admin-otto', roles: ['admin', 'integration'] },
    ]);
    gateway = await env.start(gatewayService, { AUTH_JWKS_URL: idp.jwksUrl, AUTH_ISSUER: idp.issuer, AUTH_AUDIENCE: TestOidcProvider.audience });
    nc = await env.nats();
    agents = await StubService.start(nc, env.namespace, TicketSubjects.agentGet, (data) => ({ response: { id: (data as { agentId: string }).agentId } }));
  });

  afterAll(async () => {
    agents.stop();
    await env.dispose();
    await idp.stop();
  });

  it('accepts the provider’s token and passes the user id as actor', async () => {
    const response = await get('/api/v1/me', await idp.token('agent-anna'));
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ id: 'agent-anna' });
    expect(agents.received.at(-1)).toEqual({ actor: 'agent-anna', agentId: 'agent-anna' });
  });

  it('tells the signed-in user who the gateway takes them for (GET /api/v1/auth/me): id, roles and municipalities, never integration', async () => {
    const anna = await get('/api/v1/auth/me', await idp.token('agent-anna'));
    expect(anna.status).toBe(200);
    await expect(anna.json()).resolves.toEqual({ id: 'agent-anna', name: 'Test agent-anna', roles: ['agent'], scope: ['13'] });
    await expect((await get('/api/v1/auth/me', await idp.token('admin-otto'))).json()).resolves.toMatchObject({ roles: ['admin'], scope: [] });
    expect((await get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses a request without a token with 401 and WWW-Authenticate', async () => {
    const response = await get('/api/v1/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    await expect(response.json()).resolves.toMatchObject({ code: 'AUTH.UNAUTHENTICATED', status: 401, errorId: expect.any(String) });
  });

  it.each([
    ['expired', () => idp.expiredToken('agent-anna'), 'expired'],
    ['signed by another key', () => foreignToken(idp.issuer, 'agent-anna'), 'signature'],
    ['for another audience', () => idp.token('agent-anna', 'urn:another:api'), 'claim aud'],
    ['unsigned (alg none)', async () => unsignedToken(idp.issuer, 'agent-anna'), 'not a valid signed JWT|algorithm'],
    ['not a JWT at all', async () => 'garbage', 'not a valid signed JWT'],
  ])('refuses a token %s with 401', async (_what, token, reason) => {
    const response = await get('/api/v1/me', await token());
    expect(response.status).toBe(401);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('AUTH.UNAUTHENTICATED');
    expect(problem.detail).toMatch(new RegExp(reason));
  });

  it('answers 403 for a valid token without the route’s role', async () => {
    const response = await get('/api/v1/config/queues', await idp.token('agent-anna'));
    expect(response.status).toBe(403);
    await expect(response.json()).resolves.toMatchObject({ code: 'AUTH.FORBIDDEN', detail: 'needs one of the roles admin' });
  });

  it('never takes the integration role from a user token', async () => {
    const token = await idp.token('admin-otto');
    const response = await fetch(url('/api/v1/cti/otto'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });

  it('tells the console to sign in at the provider', async () => {
    const response = await get('/api/v1/auth/config');
    await expect(response.json()).resolves.toEqual({ mode: 'oidc', issuer: idp.issuer, audience: TestOidcProvider.audience, scopes: ['openid', 'profile'] });
    expect(
      (await fetch(url('/api/v1/auth/demo-login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"demo-agent"}' }))
        .status,
    ).toBe(404);
  });
});

describe('gateway start-up without an identity provider', () => {
  it('refuses a production start without AUTH_JWKS_URL, naming the variable', async () => {
    const env = await TestEnvironment.create();
    try {
      await expect(env.start(gatewayService, { NODE_ENV: 'production' })).rejects.toThrow(/AUTH_JWKS_URL is required/);
    } finally {
      await env.dispose();
    }
  });

  it('hashes integration tokens as configured (sha256 hex)', () => {
    expect(hashIntegrationToken('d115i_cti_x')).toMatch(/^[0-9a-f]{64}$/);
  });
});
