import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { timingSafeEqual } from 'node:crypto';
import { SMTPServer, SMTPServerAddress, SMTPServerAuthentication, SMTPServerDataStream, SMTPServerOptions, SMTPServerSession } from 'smtp-server';
import { childLogger } from '@d115/observability';
import { ENV, InvalidConfigurationError } from '@d115/platform';
import { ByteBudget } from '../../common/byte-budget';
import { NetworkList } from '../../common/networks';
import { MailEnv } from '../../config/mail.env';
import { MailboxDirectory } from '../../mailboxes/mailbox.directory';
import { MailboxConfig } from '../../mailboxes/entities/mailbox.config';
import { intakeMetrics } from '../intake.metrics';
import { IngestMessageUsecase } from '../usecases/ingest-message/ingest-message.usecase';
import { ClientLimits } from './client-limits';
import { MessageSpool, SpoolDirectory } from './message-spool';

type Callback = (err?: Error | null) => void;

/** An SMTP reply for an error callback of smtp-server. */
function reply(code: number, text: string): Error {
  intakeMetrics.smtpRejected.inc({ code: String(code) });
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * The SMTP listener mail servers deliver to. Answers 250 only after the mail is
 * committed (IngestMessageUsecase); anything that goes wrong before is a 4xx,
 * so the sending server keeps the mail and retries. Starts with the app; on
 * shutdown it stops accepting, lets sessions in DATA finish, then says 421 to
 * the idle ones.
 */
@Injectable()
export class SmtpListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = childLogger('smtp');
  private readonly limits: ClientLimits;
  private readonly counted = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly users: Map<string, string>;
  private readonly trustedRelays: NetworkList;
  private readonly spoolDirectory: SpoolDirectory;
  private readonly inProgress: ByteBudget;
  private server?: SMTPServer;
  private stopping = false;
  private boundPort = 0;

  constructor(
    @Inject(ENV) private readonly env: MailEnv,
    private readonly mailboxes: MailboxDirectory,
    private readonly ingest: IngestMessageUsecase,
  ) {
    this.limits = new ClientLimits(env.SMTP_MAX_CONNECTIONS_PER_CLIENT, env.SMTP_MAX_MESSAGES_PER_MINUTE);
    this.trustedRelays = new NetworkList(env.SMTP_TRUSTED_NETWORKS);
    this.spoolDirectory = new SpoolDirectory(env.MAIL_SPOOL_DIR ?? tmpdir());
    this.inProgress = new ByteBudget(env.MAIL_INTAKE_MAX_BYTES_IN_PROGRESS);
    this.users = new Map((env.SMTP_AUTH_USERS?.split(',') ?? []).map((pair) => [pair.slice(0, pair.indexOf(':')), pair.slice(pair.indexOf(':') + 1)]));
  }

  /** The port actually listened on (SMTP_PORT=0 picks a free one). */
  get port(): number {
    return this.boundPort;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = new SMTPServer(this.options());
    server.on('error', (error) => this.logger.warn({ err: error }, 'SMTP connection error'));
    await new Promise<void>((resolve, reject) => {
      const failed = (error: Error) => reject(new Error(`SMTP listener cannot listen on ${this.env.SMTP_HOST}:${this.env.SMTP_PORT}: ${error.message}`));
      server.server.once('error', failed);
      server.listen(this.env.SMTP_PORT, this.env.SMTP_HOST, () => {
        server.server.off('error', failed);
        resolve();
      });
    });
    this.server = server;
    const address = server.server.address();
    this.boundPort = typeof address === 'object' && address ? address.port : this.env.SMTP_PORT;
    this.logger.info({ host: this.env.SMTP_HOST, port: this.boundPort, mailboxes: this.mailboxes.mailboxes.map((m) => m.address) }, 'SMTP listener ready');
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await withDeadline(Promise.allSettled([...this.inFlight]), this.env.SMTP_CLOSE_TIMEOUT_MS);
    for (const connection of server.connections as Set<{ send(code: number, text: string): void; close(): void }>) {
      connection.send(421, '4.3.2 Service shutting down, try again later');
      connection.close();
    }
    await withDeadline(closed, this.env.SMTP_CLOSE_TIMEOUT_MS);
    await this.spoolDirectory.remove().catch((error) => this.logger.warn({ err: error }, 'the spool directory could not be removed'));
    this.logger.info('SMTP listener stopped');
  }

  private options(): SMTPServerOptions {
    const tls = this.tlsOptions();
    const auth = this.users.size > 0;
    return {
      name: this.env.SMTP_HOSTNAME ?? hostname(),
      banner: 'd115 mail intake',
      size: this.env.MAIL_MAX_SIZE_BYTES,
      logger: false,
      disableReverseLookup: true,
      closeTimeout: this.env.SMTP_CLOSE_TIMEOUT_MS,
      // RFC 5321 4.5.3.2: at least 5 minutes. Also covers a client whose mail waits for its turn
      // (MAIL_INTAKE_MAX_BYTES_IN_PROGRESS) after DATA; smtp-server's own default is 1 minute.
      socketTimeout: 5 * 60_000,
      disabledCommands: [...(tls ? [] : ['STARTTLS']), ...(auth ? [] : ['AUTH'])],
      authMethods: ['PLAIN', 'LOGIN'],
      authOptional: !auth,
      // Without TLS configured, AUTH travels in clear text: acceptable only inside a trusted network.
      allowInsecureAuth: !tls,
      ...(tls ?? {}),
      onConnect: (session, callback) => this.onConnect(session, callback),
      onClose: (session) => this.onClose(session),
      onAuth: (auth, session, callback) => this.onAuth(auth, session, callback),
      onMailFrom: (address, session, callback) => this.onMailFrom(address, session, callback),
      onRcptTo: (address, session, callback) => this.onRcptTo(address, session, callback),
      onData: (stream, session, callback) => this.track(this.onData(stream, session, callback)),
    };
  }

  private tlsOptions(): { key: Buffer; cert: Buffer } | undefined {
    const { SMTP_TLS_KEY_FILE: keyFile, SMTP_TLS_CERT_FILE: certFile } = this.env;
    if (!keyFile && !certFile) return undefined;
    if (!keyFile || !certFile) throw new InvalidConfigurationError(['SMTP_TLS_KEY_FILE and SMTP_TLS_CERT_FILE must be set together']);
    try {
      return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
    } catch (error) {
      throw new InvalidConfigurationError([`SMTP_TLS_KEY_FILE/SMTP_TLS_CERT_FILE cannot be read: ${(error as Error).message}`]);
    }
  }

  private onConnect(session: SMTPServerSession, callback: Callback): void {
    if (this.stopping) return callback(reply(421, '4.3.2 Service shutting down, try again later'));
    if (!this.limits.openConnection(session.remoteAddress)) {
      return callback(reply(421, '4.7.0 Too many connections from your address, try again later'));
    }
    this.counted.add(session.id);
    callback();
  }

  private onClose(session: SMTPServerSession): void {
    if (this.counted.delete(session.id)) this.limits.closeConnection(session.remoteAddress);
  }

  private onAuth(
    auth: SMTPServerAuthentication,
    _session: SMTPServerSession,
    callback: (err: Error | null | undefined, response?: { user?: string }) => void,
  ): void {
    const expected = auth.username ? this.users.get(auth.username) : undefined;
    const given = Buffer.from(auth.password ?? '');
    const ok = expected !== undefined && given.length === Buffer.byteLength(expected) && timingSafeEqual(given, Buffer.from(expected));
    if (!ok) return callback(reply(535, '5.7.8 Authentication credentials invalid'));
    callback(null, { user: auth.username });
  }

  private onMailFrom(_address: SMTPServerAddress, session: SMTPServerSession, callback: Callback): void {
    if (this.stopping) return callback(reply(421, '4.3.2 Service shutting down, try again later'));
    if (this.users.size > 0 && !session.user) return callback(reply(530, '5.7.0 Authentication required'));
    if (!this.isTrustedRelay(session) && !this.limits.takeMessage(session.remoteAddress)) {
      return callback(reply(451, '4.7.1 Too many messages from your address, try again later'));
    }
    callback();
  }

  /**
   * The center's own mail server relays everything, so a per-address message rate would throttle
   * the one sender that matters most: authenticated clients and SMTP_TRUSTED_NETWORKS are exempt
   * from it (not from the connection and size limits).
   */
  private isTrustedRelay(session: SMTPServerSession): boolean {
    return session.user !== undefined || this.trustedRelays.contains(session.remoteAddress);
  }

  private onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: Callback): void {
    if (!this.mailboxes.find(address.address)) return callback(reply(550, `5.1.1 <${address.address}>: no such mailbox here`));
    callback();
  }

  /**
   * Receives DATA (large mail into a spool file, not into memory), then parses and stores it
   * within MAIL_INTAKE_MAX_BYTES_IN_PROGRESS, so that many clients sending large mail at once
   * wait for their turn instead of all being held in memory together.
   */
  private async onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: Callback): Promise<void> {
    let spool: MessageSpool;
    try {
      spool = await MessageSpool.receive(stream, {
        memoryBytes: this.env.MAIL_SPOOL_MEMORY_BYTES,
        maxBytes: this.env.MAIL_MAX_SIZE_BYTES,
        directory: () => this.spoolDirectory.get(),
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'SMTP data stream failed');
      return callback(reply(451, '4.3.0 Error reading the message, try again later'));
    }
    if (spool.exceeded || stream.sizeExceeded) {
      return callback(reply(552, `5.3.4 Message too big: this service accepts at most ${this.env.MAIL_MAX_SIZE_BYTES} bytes`));
    }
    await this.inProgress.run(spool.size, () => this.store(spool, session, callback));
  }

  private async store(spool: MessageSpool, session: SMTPServerSession, callback: Callback): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      const deliveries = await this.ingest.execute({
        raw: await spool.read(),
        mailboxes: this.recipients(session),
        source: 'smtp',
        envelope: {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          clientAddress: session.remoteAddress,
        },
      });
      intakeMetrics.smtpAcceptSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
      (callback as (err: null, message: string) => void)(null, `2.0.0 Ok: queued as ${deliveries.map((d) => d.id).join(',')}`);
    } catch (error) {
      this.logger.error({ err: error }, 'storing a received mail failed; answered 451 so the sender retries');
      callback(reply(451, '4.3.0 Temporary failure storing the message, try again later'));
    }
  }

  private recipients(session: SMTPServerSession): MailboxConfig[] {
    const found = session.envelope.rcptTo.map((r) => this.mailboxes.find(r.address)).filter((m): m is MailboxConfig => m !== undefined);
    return [...new Set(found)];
  }

  private track(work: Promise<void>): void {
    const settled = work.catch((error) => this.logger.error({ err: error }, 'SMTP data handling failed')).finally(() => this.inFlight.delete(settled));
    this.inFlight.add(settled);
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
