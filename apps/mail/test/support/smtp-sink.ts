import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
  /** Header lines as they arrived, name → value (first occurrence). */
  header(name: string): string | undefined;
}

/**
 * A real SMTP server on loopback standing in for the relay: stores what it
 * receives, and can be told to refuse the next deliveries with a given code.
 */
export class SmtpSink {
  readonly mails: SunkMail[] = [];
  private refusals: { code: number; text: string }[] = [];
  private server!: SMTPServer;
  port = 0;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    sink.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          const refusal = sink.refusals.shift();
          if (refusal) return callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
          const raw = Buffer.concat(chunks);
          const parsed = await simpleParser(raw);
          const lines = parsed.headerLines;
          sink.mails.push({
            envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
            raw,
            parsed,
            header: (name) => {
              const line = lines.find((l) => l.key === name.toLowerCase())?.line;
              return line
                ? line
                    .slice(line.indexOf(':') + 1)
                    .replace(/\r?\n[ \t]+/g, ' ')
                    .trim()
                : undefined;
            },
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    sink.port = (sink.server.server.address() as { port: number }).port;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next `count` deliveries are answered with `code text` after DATA. */
  refuseNext(count: number, code: number, text: string): void {
    for (let i = 0; i < count; i++) this.refusals.push({ code, text });
  }

  to(address: string): SunkMail[] {
    return this.mails.filter((mail) => mail.envelope.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
