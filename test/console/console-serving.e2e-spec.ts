import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TestEnvironment } from '@d115/testing';
import { GatewayProcess } from './support/gateway-process';

/** The gateway serves the built console (dist/console) at `/` beside its API. */
describe('console served by the gateway', () => {
  let env: TestEnvironment;
  let gateway: GatewayProcess;
  const url = (path: string) => `http://127.0.0.1:${gateway.port}${path}`;
  const script = readdirSync(join(__dirname, '..', '..', 'dist', 'console', 'assets')).find((name) => name.endsWith('.js'));

  beforeAll(async () => {
    env = await TestEnvironment.create();
    gateway = await GatewayProcess.start(env);
  });

  afterAll(async () => {
    await gateway?.stop();
    await env.dispose();
  });

  it('answers / with the page, revalidated on every visit, and the script it names as immutable', async () => {
    const page = await fetch(url('/'), { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(`/assets/${script}`);

    const asset = await fetch(url(`/assets/${script}`));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
  });

  it('answers a browser deep link with the page (single-page fallback), a missing asset with 404', async () => {
    const deep = await fetch(url('/cases/0192f0d0-0000-7000-8000-000000000000'), { headers: { Accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    expect((await fetch(url('/assets/missing-0000.js'))).status).toBe(404);
  });

  it('leaves the API, health and docs to the gateway', async () => {
    const api = await fetch(url('/api/v1/no-such-endpoint'), { headers: { Accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('json');
    const docs = await fetch(url('/docs-json'));
    expect(((await docs.json()) as { info: { title: string } }).info.title).toBe('d115 API');
  });
});
