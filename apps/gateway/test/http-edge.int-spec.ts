import { useDemoGateway } from './support/demo-gateway';

const CONSOLE = 'https://console.example.org';

/** The HTTP edge: CORS only for the configured origins, and ids in paths that try to leave their place. */
describe('gateway HTTP edge: CORS and path traversal', () => {
  const world = useDemoGateway({ overrides: { CORS_ORIGINS: CONSOLE } });
  let admin: string;
  let supervisor: string;

  beforeAll(async () => {
    [admin, supervisor] = await Promise.all([world.gateway.token('demo-admin'), world.gateway.token('demo-supervisor')]);
  });

  it('answers a preflight from a configured origin with the allowed methods and headers, and exposes the rate-limit and ETag headers', async () => {
    const preflight = await fetch(world.gateway.url('/api/v1/cases'), {
      method: 'OPTIONS',
      headers: { origin: CONSOLE, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,if-match' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-match');

    const simple = await fetch(world.gateway.url('/api/v1/auth/config'), { headers: { origin: CONSOLE } });
    expect(simple.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(simple.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Remaining');
    expect(simple.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('gives another origin no CORS permission', async () => {
    const preflight = await fetch(world.gateway.url('/api/v1/cases'), {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(world.gateway.url('/api/v1/auth/config'), { headers: { origin: 'https://evil.example.com' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    '/api/v1/cases/..%2F..%2F..%2Fetc%2Fpasswd',
    '/api/v1/cases/%2e%2e%2f%2e%2e%2fconfig',
    '/api/v1/knowledge/services/..%2F..%2Fsecrets',
    '/api/v1/config/synonyms/..%2Fadmin',
    '/api/v1/cases/0193a1b2-0000-7000-8000-000000000001%2F..%2F..',
  ])('refuses the id in %s with a coded 400 before asking any service', async (path) => {
    const method = path.includes('synonyms') ? 'DELETE' : 'GET';
    const response = await world.gateway.call(path.startsWith('/api/v1/cases') ? supervisor : admin, method, path);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION.FAILED', errorId: expect.any(String) });
  });

  it('never serves a file from outside the console for a dotted path', async () => {
    for (const path of ['/..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/package.json', '/assets/..%2F..%2F..%2Fpackage.json']) {
      const response = await fetch(world.gateway.url(path));
      const body = await response.text();
      expect(body).not.toContain('root:x:0:0');
      expect(body).not.toContain('"name": "d115"');
      expect(response.status).not.toBe(500);
    }
  });
});
