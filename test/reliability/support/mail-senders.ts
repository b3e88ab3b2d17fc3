import { connect, Socket } from 'node:net';
import { createTransport } from 'nodemailer';

export interface SendersResult {
  /** Mail numbers answered 250. */
  accepted: Set<number>;
  /** Temporary refusals by SMTP reply code (451, 421, …). */
  refusedWith: Map<number, number>;
  /** Attempts that found nobody listening or lost the connection. */
  connectionFailures: number;
}

/** A plain citizen's mail with a unique Message-ID: `<prefix-n@example.org>`. */
export function citizenMail(prefix: string, n: number): string {
  return [
    'From: Erika Mustermann <erika.mustermann@example.org>',
    'To: 115@rostock.de',
    `Subject: Frage zur Ummeldung ${n}`,
    `Message-ID: <${prefix}-${n}@example.org>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Sehr geehrte Damen und Herren,',
    '',
    `ich ziehe zum nächsten Monat um (Vorgang ${n}). Welche Unterlagen brauche ich für die Ummeldung?`,
    '',
    'Mit freundlichen Grüßen',
    'Erika Mustermann',
    '',
  ].join('\r\n');
}

/**
 * `clients` SMTP senders deliver mails 1…count as a relaying MTA would: a mail
 * is retried (after `retryMs`) on any 4xx and on connection errors until it is
 * answered 250; `onAccepted` sees each acceptance as it happens.
 */
export async function sendAll(options: {
  port: number;
  count: number;
  clients: number;
  prefix: string;
  retryMs?: number;
  deadlineMs?: number;
  onAccepted?: (accepted: number) => void;
}): Promise<SendersResult> {
  const result: SendersResult = { accepted: new Set(), refusedWith: new Map(), connectionFailures: 0 };
  const deadline = Date.now() + (options.deadlineMs ?? 120_000);
  let next = 1;
  const connection = () => {
    const transport = createTransport({
      host: '127.0.0.1',
      port: options.port,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
      maxMessages: Infinity,
      connectionTimeout: 2000,
      greetingTimeout: 2000,
      socketTimeout: 10000,
    });
    withNoDelay(transport, options.port);
    return transport;
  };
  /** One connection per sender, reused as an MTA does, and opened again after any failure. */
  const deliver = async (n: number, transports: { current?: ReturnType<typeof connection> }) => {
    // Built once: a retry sends the same bytes, as an MTA's queue does (a new Date would make it another mail).
    const raw = citizenMail(options.prefix, n);
    for (;;) {
      if (Date.now() > deadline) throw new Error(`mail ${n} not accepted before the deadline`);
      const transport = (transports.current ??= connection());
      try {
        await transport.sendMail({ envelope: { from: 'erika.mustermann@example.org', to: '115@rostock.de' }, raw });
        result.accepted.add(n);
        options.onAccepted?.(result.accepted.size);
        return;
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code && code >= 500) throw new Error(`mail ${n} refused permanently: ${(error as Error).message}`);
        if (code) result.refusedWith.set(code, (result.refusedWith.get(code) ?? 0) + 1);
        else result.connectionFailures++;
        transport.close();
        transports.current = undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 50));
    }
  };
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      const transports: { current?: ReturnType<typeof connection> } = {};
      try {
        for (let n = next++; n <= options.count; n = next++) await deliver(n, transports);
      } finally {
        transports.current?.close();
      }
    }),
  );
  return result;
}

/**
 * Sockets with TCP_NODELAY, as mail servers use: with Nagle on, every small
 * write of nodemailer's SMTP dialog waits for the server's delayed ACK
 * (≈ 40 ms each, several per mail), which would cap a sender at a few mails/s.
 */
function withNoDelay(transport: object, port: number): void {
  type GetSocket = (options: unknown, callback: (error: Error | null, socket?: { connection: Socket }) => void) => void;
  (transport as { getSocket: GetSocket }).getSocket = (_options, callback) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.setNoDelay(true);
      callback(null, { connection: socket });
    });
    socket.once('error', callback);
  };
}
