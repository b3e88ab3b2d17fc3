import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { KnowledgeEvents } from '@d115/contracts';
import { fixture, KnowledgeKit } from './support/knowledge-kit';

/** `npm run knowledge -- import` as a process: finds the database like `npm start`, loads into what the running service uses. */
describe('knowledge import command', () => {
  const command = join(__dirname, '..', '..', '..', 'dist', 'scripts', 'knowledge.js');
  let kit: KnowledgeKit;

  const run = (args: string[], vars: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [command, ...args], {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: kit.env.adminUrl,
          D115_DATABASE: kit.env.database,
          D115_ROLE_PREFIX: 'd115_test_',
          ...vars,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(async () => {
    kit = await KnowledgeKit.create();
    await kit.start();
  });
  afterAll(() => kit.dispose());

  it('imports the files, prints the report, and the running service publishes catalogue.imported', async () => {
    const result = await run(['import', fixture('leistungen.xzufi.xml'), fixture('catalogue.d115.json')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('leistungen.xzufi.xml: xzufi, source "xzufi", completed');
    expect(result.stdout).toContain('applied: 3 services, 1 organisation units, 3 responsibilities; rejected: 4');
    expect(result.stdout).toContain('rejected service LB-1003 (line 38): invalid LeiKa key "99900X"');
    expect(result.stdout).toContain('catalogue.d115.json: d115, source "test-catalogue", completed');
    const [run_] = await kit.rows<{ id: string }>(`SELECT id FROM knowledge.import_run WHERE file LIKE '%catalogue.d115.json'`);
    const envelope = await kit.publishedEvent(KnowledgeEvents.catalogueImported, `import/${run_.id}`);
    expect(envelope.data).toMatchObject({ format: 'd115', source: 'test-catalogue' });
  });

  it("uses the knowledge role's own DATABASE_URL as it is, as inside the container", async () => {
    const result = await run(['import', fixture('services_de.json')], { DATABASE_URL: kit.env.databaseUrl('knowledge') });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('services_de.json: dldb-services, source "dldb", completed');
  });

  it('fails with a usage line, and names a file it cannot read as a catalogue', async () => {
    expect((await run([])).code).toBe(2);
    const unknown = await run(['import', __filename]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('format not recognised');
  });
});
