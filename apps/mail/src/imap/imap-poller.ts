import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { DataSource, QueryRunner } from 'typeorm';
import { childLogger } from '@d115/observability';
import { DATA_SOURCE, ENV } from '@d115/platform';
import { MailEnv } from '../config/mail.env';
import { MailboxDirectory } from '../mailboxes/mailbox.directory';
import { MailboxConfig } from '../mailboxes/entities/mailbox.config';
import { ImportImapMailboxUsecase } from './usecases/import-imap-mailbox/import-imap-mailbox.usecase';

const MAX_BACKOFF_MS = 60_000;

/**
 * Polls every mailbox configured with IMAP settings while the service runs:
 * imports, then waits for new mail with IDLE (where the server offers it and
 * the mailbox allows it) or for the polling interval. One instance per mailbox
 * polls at a time (Postgres advisory lock); connection trouble is retried with
 * backoff. Stops cleanly with the app.
 */
@Injectable()
export class ImapPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = childLogger('imap');
  private readonly loops: Promise<void>[] = [];
  private readonly clients = new Set<ImapFlow>();
  private readonly wakers = new Set<() => void>();
  private running = false;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ENV) private readonly env: MailEnv,
    private readonly mailboxes: MailboxDirectory,
    private readonly importMailbox: ImportImapMailboxUsecase,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.MAIL_IMAP_ENABLED) return;
    this.running = true;
    for (const mailbox of this.mailboxes.withImap()) this.loops.push(this.poll(mailbox));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const wake of this.wakers) wake();
    for (const client of this.clients) client.close();
    await Promise.all(this.loops);
  }

  private async poll(mailbox: MailboxConfig): Promise<void> {
    let failures = 0;
    while (this.running) {
      const lock = await this.lead(mailbox);
      if (!lock) {
        await this.wait(mailbox.imap!.pollIntervalMs).done;
        continue;
      }
      try {
        await this.session(mailbox);
        failures = 0;
      } catch (error) {
        failures++;
        if (this.running) this.logger.warn({ err: error, mailbox: mailbox.address, failures }, 'IMAP session failed; reconnecting');
        await this.wait(Math.min(500 * 2 ** (failures - 1), MAX_BACKOFF_MS)).done;
      } finally {
        await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName(mailbox)]).catch(() => undefined);
        await lock.release();
      }
    }
  }

  /** A connection holding the mailbox's advisory lock, or undefined when another instance polls it. */
  private async lead(mailbox: MailboxConfig): Promise<QueryRunner | undefined> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lockName(mailbox)]);
      if (locked) return runner;
    } catch (error) {
      this.logger.warn({ err: error, mailbox: mailbox.address }, 'cannot take the IMAP polling lock; retrying');
    }
    await runner.release();
    return undefined;
  }

  /** One connection: import, wait for news, import again — until stopped or broken. */
  private async session(mailbox: MailboxConfig): Promise<void> {
    const settings = mailbox.imap!;
    const client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: { user: settings.user, pass: settings.password },
      tls: { rejectUnauthorized: settings.rejectUnauthorized },
      logger: false,
      disableAutoIdle: true,
    });
    // New mail may be announced while a pass is still running: remember it, so the pass after it runs at once.
    let news = false;
    let onNews: (() => void) | undefined;
    client.on('exists', () => {
      news = true;
      onNews?.();
    });
    client.on('error', (error) => this.logger.warn({ err: error, mailbox: mailbox.address }, 'IMAP connection error'));
    const closed = new Promise<void>((resolve) => client.once('close', resolve));
    this.clients.add(client);
    try {
      await client.connect();
      while (this.running && client.usable) {
        news = false;
        await this.importMailbox.execute(client, mailbox);
        if (news) continue;
        await this.waitForNews(client, mailbox, closed, (wake) => (onNews = wake));
        onNews = undefined;
      }
    } finally {
      this.clients.delete(client);
      if (client.usable) await client.logout().catch(() => client.close());
      else client.close();
    }
  }

  private async waitForNews(client: ImapFlow, mailbox: MailboxConfig, closed: Promise<void>, onNews: (wake: () => void) => void): Promise<void> {
    const settings = mailbox.imap!;
    const news = new Promise<void>((resolve) => onNews(resolve));
    // IDLE ends by itself when the next command is sent; errors surface in that command.
    if (settings.idle && client.capabilities.has('IDLE')) void client.idle().catch(() => undefined);
    const interval = this.wait(settings.pollIntervalMs);
    await Promise.race([news, closed, interval.done]);
    interval.cancel();
  }

  /** A wait that shutdown cuts short; cancel it when something else ended the wait. */
  private wait(ms: number): { done: Promise<void>; cancel: () => void } {
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      if (!this.running) return resolve();
      const timer = setTimeout(() => finish(), ms);
      finish = () => {
        clearTimeout(timer);
        this.wakers.delete(finish);
        resolve();
      };
      this.wakers.add(finish);
    });
    return { done, cancel: () => finish() };
  }
}

function lockName(mailbox: MailboxConfig): string {
  return `d115:mail:imap:${mailbox.address}`;
}
