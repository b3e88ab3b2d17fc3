/** One Server-Sent Event as a client parses it. */
export interface ReceivedEvent {
  id?: string;
  event: string;
  data: unknown;
  receivedAt: number;
}

/** A minimal EventSource over fetch (with headers), collecting events and comments until closed. */
export class SseClient {
  readonly events: ReceivedEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  private readonly abort = new AbortController();
  private done?: Promise<void>;

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: client.abort.signal });
    client.status = response.status;
    if (response.body) client.done = client.read(response.body).catch(() => undefined);
    return client;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        this.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  private parse(block: string): void {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      const colon = line.indexOf(':');
      if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
    }
    if (fields.event || fields.data) {
      this.events.push({ id: fields.id, event: fields.event ?? 'message', data: fields.data ? JSON.parse(fields.data) : undefined, receivedAt: Date.now() });
    }
  }

  named(event: string): ReceivedEvent[] {
    return this.events.filter((received) => received.event === event);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}
