import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestEnvironment, waitFor } from '@d115/testing';
import { knowledgeService } from '../../apps/knowledge/src/main';

const MB = 1024 * 1024;
type Body = NonNullable<RequestInit['body']>;
const FIXTURE = join(__dirname, '..', '..', 'apps', 'knowledge', 'test', 'fixtures', 'leistungen.xzufi.xml');

/** Resident set size of a process now, from /proc (Linux). */
function resident(pid: number): number {
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
}

/** The XZuFi fixture made `bytes` large by a comment after the declaration: a big upload that imports quickly. */
function paddedCatalogue(bytes: number): Buffer {
  const xml = readFileSync(FIXTURE, 'utf8');
  const split = xml.indexOf('\n') + 1;
  const padding = 'x'.repeat(Math.max(0, bytes - xml.length - 10));
  return Buffer.from(`${xml.slice(0, split)}<!--${padding}-->\n${xml.slice(split)}`);
}

function multipart(boundary: string, filename: string, content: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nignored\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/xml\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

/**
 * The catalogue import upload through the built gateway as a real process (npm test builds
 * dist/ first) to the real knowledge service: a file far larger than the JSON body limit is
 * streamed through a JetStream object store and imported, while the gateway's RSS stays
 * well below the file's size; too large an upload is a coded problem.
 */
/** A built gateway as its own process, its port read from its "gateway ready" log line. */
async function startGateway(
  env: TestEnvironment,
  keyDir: string,
  uploadLimit: number,
): Promise<{ child: ChildProcess; base: string; admin: string; output: () => string }> {
  const main = join(__dirname, '..', '..', 'dist', 'apps', 'gateway', 'src', 'main.js');
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH,
      ...env.serviceEnv('gateway', {
        LOG_LEVEL: 'info',
        AUTH_DEMO_KEY_FILE: join(keyDir, 'key.json'),
        BODY_LIMIT_BYTES: String(64 * 1024),
        CATALOGUE_UPLOAD_LIMIT_BYTES: String(uploadLimit),
      }),
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const port = await waitFor(() => /"port":(\d+)[^\n]*"msg":"gateway ready"/.exec(output)?.[1], 'gateway ready', { timeoutMs: 30000 });
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'demo-admin' }),
  });
  const admin = ((await login.json()) as { accessToken: string }).accessToken;
  return { child, base, admin, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The request body in pieces, as a stream (chunked, no Content-Length): the gateway cannot know the size in advance. */
function streamed(body: Buffer, piece: number): Body {
  const pieces = async function* () {
    for (let at = 0; at < body.length; at += piece) yield body.subarray(at, at + piece);
  };
  return ReadableStream.from(pieces()) as unknown as Body;
}

/**
 * The catalogue import upload through the built gateway as a real process (npm test builds
 * dist/ first) to the real knowledge service: a file far larger than the JSON body limit is
 * streamed through a JetStream object store and imported, while the gateway's RSS grows by
 * far less than the file; too large an upload is a coded problem.
 */
describe('gateway process: catalogue import upload (multipart, streamed)', () => {
  const keyDir = mkdtempSync(join(tmpdir(), 'd115-gw-upload-'));
  let env: TestEnvironment;
  let roomy: Awaited<ReturnType<typeof startGateway>>;
  let tight: Awaited<ReturnType<typeof startGateway>>;

  beforeAll(async () => {
    env = await TestEnvironment.create(['knowledge']);
    await env.start(knowledgeService, { KNOWLEDGE_DEMO_CATALOGUE: 'false' });
    [roomy, tight] = await Promise.all([startGateway(env, keyDir, 256 * MB), startGateway(env, keyDir, 4 * MB)]);
  });

  afterAll(async () => {
    await Promise.all([roomy, tight].filter(Boolean).map((gateway) => stop(gateway.child)));
    await env.dispose();
    rmSync(keyDir, { recursive: true, force: true });
  });

  const upload = (gateway: { base: string; admin: string }, body: Body, boundary: string, query = '') =>
    fetch(`${gateway.base}/api/v1/knowledge/catalogue/imports${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.admin}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);

  it('imports a 96 MB upload (1,500 times the JSON body limit) while the gateway’s RSS grows by less than 64 MB', async () => {
    const file = paddedCatalogue(96 * MB);
    const boundary = 'd115-upload-boundary-1';
    const body = multipart(boundary, 'leistungen.xzufi.xml', file);
    const pid = roomy.child.pid!;
    const before = resident(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, resident(pid))), 10);
    const response = await upload(roomy, streamed(body, 256 * 1024), boundary, '?source=upload-test');
    clearInterval(sampler);
    const report = (await response.json()) as { applied: { services: number }; file: string; source: string; format: string };
    expect(response.status).toBe(201);
    expect(report).toMatchObject({ file: 'leistungen.xzufi.xml', source: 'upload-test', format: 'xzufi' });
    expect(report.applied.services).toBeGreaterThan(0);
    // Each socket read is a fresh buffer that V8 collects lazily (its external-memory trigger is 64 MB):
    // the growth is that garbage, bounded whatever the file's size, never the file.
    const growth = peak - before;
    process.stdout.write(`catalogue upload: ${file.length} bytes; gateway RSS ${before} → peak ${peak} (+${growth} bytes)\n`);
    expect(growth).toBeLessThan(64 * MB);

    const service = await fetch(`${roomy.base}/api/v1/knowledge/services/99900101000000`, { headers: { authorization: `Bearer ${roomy.admin}` } });
    expect(service.status).toBe(200);
  });

  it('refuses an upload over the limit as 413 REQUEST.TOO_LARGE, whether announced by Content-Length or found while streaming', async () => {
    const boundary = 'd115-upload-boundary-2';
    const body = multipart(boundary, 'big.xml', paddedCatalogue(6 * MB));
    const announced = await upload(tight, new Blob([body]), boundary);
    expect(announced.status).toBe(413);
    expect(announced.headers.get('content-type')).toContain('application/problem+json');
    expect(await announced.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE', status: 413, errorId: expect.any(String) });

    const found = await upload(tight, streamed(body, 512 * 1024), boundary);
    expect(found.status).toBe(413);
    expect(await found.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
  });

  it('answers a body that is not multipart, or ends inside the file, with a coded problem', async () => {
    const json = await fetch(`${tight.base}/api/v1/knowledge/catalogue/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tight.admin}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect(await json.json()).toMatchObject({ code: 'REQUEST.UNSUPPORTED' });

    const boundary = 'd115-upload-boundary-3';
    const truncated = multipart(boundary, 'cut.xml', Buffer.from('<?xml version="1.0"?><a>')).subarray(0, -20);
    const cut = await upload(tight, new Blob([truncated]), boundary);
    expect(cut.status).toBe(400);
    expect(await cut.json()).toMatchObject({ code: 'REQUEST.MALFORMED' });
  });
});
