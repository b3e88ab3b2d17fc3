import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

export interface ZmsHit {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Answer = { status: number; body: unknown; delayMs?: number };

/**
 * A local HTTP server that behaves like the ZMS citizen API (eappointment
 * zmscitizenapi): JSON answers, failures as `{"errors": [{errorCode, statusCode,
 * errorMessage}]}`, and answers as slow as a test wants. Every request is recorded.
 */
export class FakeZms {
  readonly hits: ZmsHit[] = [];
  private readonly answers = new Map<string, Answer[]>();
  private readonly fallback = new Map<string, Answer>();
  private server!: Server;
  port = 0;

  static async start(): Promise<FakeZms> {
    const zms = new FakeZms();
    zms.server = createServer((req, res) => void zms.handle(req, res));
    await new Promise<void>((resolve) => zms.server.listen(0, '127.0.0.1', resolve));
    zms.port = (zms.server.address() as { port: number }).port;
    return zms;
  }

  url(prefix: string): string {
    return `http://127.0.0.1:${this.port}/${prefix}`;
  }

  /** The next answer for an endpoint (e.g. `/reserve-appointment/`), once. */
  answerNext(endpoint: string, answer: Answer): void {
    this.answers.set(endpoint, [...(this.answers.get(endpoint) ?? []), answer]);
  }

  /** The answer for an endpoint whenever no one-off answer is queued. */
  answerAlways(endpoint: string, answer: Answer): void {
    this.fallback.set(endpoint, answer);
  }

  hitsOf(endpoint: string): ZmsHit[] {
    return this.hits.filter((h) => h.path.endsWith(endpoint));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  static error(errorCode: string, statusCode: number, errorMessage = errorCode): Answer {
    return { status: statusCode, body: { errors: [{ errorCode, statusCode, errorMessage }] } };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://zms');
    const text = Buffer.concat(chunks).toString('utf8');
    this.hits.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, body: text ? JSON.parse(text) : undefined });
    const endpoint = `/${url.pathname.split('/').filter(Boolean).at(-1)}/`;
    const queued = this.answers.get(endpoint);
    const answer = queued?.shift() ?? this.fallback.get(endpoint) ?? FakeZms.error('notImplemented', 501);
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  }
}
