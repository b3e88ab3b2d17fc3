import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AnonymizeReply, AnonymizeRequest, eventAbout, TicketEvents, TicketUpdatedEvent } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { Clock, ENV, Scheduler } from '@d115/platform';
import { Transactions } from '@d115/database';
import { AuditRepository } from '../../../audit/audit.repository';
import { TicketsEnv } from '../../../config/tickets.env';
import { PrivacyRepository } from '../../privacy.repository';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Closed cases older than the retention period lose citizen contact and free
 * text; statistics stay. Every run that anonymises (and every run asked for)
 * is recorded with actor, cutoff and count, and each case's history says so.
 */
@Injectable()
export class AnonymizeClosedCasesUsecase implements OnModuleInit {
  constructor(
    private readonly privacy: PrivacyRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxWriter,
    private readonly transactions: Transactions,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'anonymize',
      everyMs: this.env.TICKETS_ANONYMIZE_INTERVAL_MS,
      run: async () => (await this.execute({ actor: 'system:privacy' }, { scheduled: true }))?.anonymized ?? 0,
    });
  }

  /**
   * Asked for: waits for a run in progress elsewhere, and is always recorded.
   * Scheduled: skipped (undefined) while another instance runs, recorded only when it anonymised something.
   */
  execute(cmd: AnonymizeRequest): Promise<AnonymizeReply>;
  execute(cmd: AnonymizeRequest, options: { scheduled: true }): Promise<AnonymizeReply | undefined>;
  async execute(cmd: AnonymizeRequest, options: { scheduled?: boolean } = {}): Promise<AnonymizeReply | undefined> {
    return this.transactions.session(async (session) => {
      if (options.scheduled) {
        if (!(await this.privacy.tryLock(session))) return undefined;
      } else {
        await this.privacy.lock(session);
      }
      try {
        return await this.run(cmd, !options.scheduled);
      } finally {
        await this.privacy.unlock(session);
      }
    });
  }

  private async run(cmd: AnonymizeRequest, recordEmptyRun: boolean): Promise<AnonymizeReply> {
    const started = this.clock.now();
    const cutoff = new Date(started.getTime() - (cmd.olderThanDays ?? this.env.TICKETS_ANONYMIZE_AFTER_DAYS) * DAY_MS);
    const runId = uuidv7();
    let anonymized = 0;
    for (;;) {
      const batch = await this.transactions.run(async (manager) => {
        const due = await this.privacy.claimDue(manager, cutoff, this.env.TICKETS_SCHEDULER_BATCH);
        if (due.length === 0) return 0;
        if (anonymized === 0) await this.privacy.startRun(manager, { id: runId, actor: cmd.actor, cutoff, at: started });
        const at = this.clock.now();
        await this.privacy.anonymize(
          manager,
          due.map((ticket) => ticket.id),
          at,
        );
        await this.audit.record(
          manager,
          due.map((ticket) => ({ ticketId: ticket.id, subjectId: ticket.id, actor: cmd.actor, action: 'anonymized', newValue: runId, at })),
        );
        await this.outbox.append<TicketUpdatedEvent>(
          manager,
          due.map((ticket) => ({
            subject: TicketEvents.updated,
            about: eventAbout('ticket', ticket.id),
            data: {
              ticketId: ticket.id,
              number: ticket.number,
              version: ticket.version + 1,
              fields: ['anonymized'],
              queue: ticket.queue_id,
              priority: ticket.priority,
              actor: cmd.actor,
            },
          })),
        );
        return due.length;
      });
      anonymized += batch;
      if (batch < this.env.TICKETS_SCHEDULER_BATCH) break;
    }
    if (anonymized > 0 || recordEmptyRun) {
      await this.transactions.run(async (manager) => {
        if (anonymized === 0) await this.privacy.startRun(manager, { id: runId, actor: cmd.actor, cutoff, at: started });
        const finished = this.clock.now();
        await this.privacy.finishRun(manager, runId, anonymized, finished);
        await this.audit.record(manager, {
          subjectType: 'privacy-run',
          subjectId: runId,
          actor: cmd.actor,
          action: 'anonymized',
          newValue: { cutoff: cutoff.toISOString(), anonymized },
          at: finished,
        });
      });
    }
    return { runId, cutoff: cutoff.toISOString(), anonymized };
  }
}
