import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useDemoGateway } from './support/demo-gateway';

/** The built `scripts/openapi.js` (for the console's typed client) writes the document the gateway serves, connecting to nothing. */
describe('node dist/scripts/openapi.js OUT.json', () => {
  const world = useDemoGateway();
  let document: { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

  beforeAll(async () => {
    document = (await (await fetch(world.gateway.url('/docs-json'))).json()) as typeof document;
  });

  it('is written by scripts/openapi.js without NATS or Postgres, the same as served', () => {
    const script = join(__dirname, '..', '..', '..', 'dist', 'scripts', 'openapi.js');
    expect(existsSync(script)).toBe(true);
    const out = join(mkdtempSync(join(tmpdir(), 'd115-openapi-')), 'openapi.json');
    execFileSync(process.execPath, [script, out], { env: { PATH: process.env.PATH, NATS_URL: 'nats://127.0.0.1:1' }, stdio: 'pipe' });
    const written = JSON.parse(readFileSync(out, 'utf8')) as typeof document;
    expect(Object.keys(written.paths).sort()).toEqual(Object.keys(document.paths).sort());
    expect(Object.keys(written.components.schemas).sort()).toEqual(Object.keys(document.components.schemas).sort());
  });
});
