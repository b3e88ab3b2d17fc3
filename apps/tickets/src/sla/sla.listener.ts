import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SLA_METRICS } from '@d115/contracts';
import { ENV } from '@d115/platform';
import { TicketsEnv } from '../config/tickets.env';
import { StateChange, TicketFacts, TicketHooks, TicketListener } from '../shared/ticket-hooks';
import { ClockState, SlaClockMath } from './domain/sla-clock';
import { SlaClock } from './entities/sla-clock.entity';
import { SlaEvents } from './sla-events';
import { SlaRepository } from './sla.repository';
import { SLA_CLOCK_MATH } from './sla.tokens';

/** Starts a case's clocks with its policy, and pauses, resumes and stops them as the case moves. */
@Injectable()
export class SlaListener implements TicketListener, OnModuleInit {
  constructor(
    private readonly hooks: TicketHooks,
    private readonly sla: SlaRepository,
    private readonly events: SlaEvents,
    @Inject(SLA_CLOCK_MATH) private readonly math: SlaClockMath,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async created(manager: EntityManager, ticket: TicketFacts, at: Date): Promise<void> {
    const policy = await this.sla.policyFor(manager, ticket.queueId, ticket.channel);
    const shared = {
      warningShare: policy?.warningShare ?? this.env.TICKETS_SLA_WARNING_SHARE,
      pauseInPendingAuthority: policy?.pauseInPendingAuthority ?? this.env.TICKETS_SLA_PAUSE_PENDING_AUTHORITY,
    };
    const targets = {
      first_response: policy?.firstResponseMinutes ?? this.env.TICKETS_SLA_FIRST_RESPONSE_MINUTES,
      resolution: policy?.resolutionMinutes ?? this.env.TICKETS_SLA_RESOLUTION_MINUTES,
    };
    const clocks = SLA_METRICS.map((metric) =>
      toRow(ticket.id, policy?.id ?? null, at, this.math.start(metric, { ...shared, targetMinutes: targets[metric] }, at)),
    );
    await this.sla.insertClocks(manager, clocks);
  }

  async stateChanged(manager: EntityManager, change: StateChange): Promise<void> {
    for (const row of await this.sla.lockClocks(manager, change.ticket.id)) {
      const { clock, breachedNow } = this.math.afterStateChange(row, change.to, change.at);
      await this.save(manager, row, clock, breachedNow, change.ticket);
    }
  }

  async firstResponse(manager: EntityManager, ticket: TicketFacts, at: Date): Promise<void> {
    const row = (await this.sla.lockClocks(manager, ticket.id)).find((clock) => clock.metric === 'first_response');
    if (!row) return;
    const { clock, breachedNow } = this.math.stop(row, at);
    await this.save(manager, row, clock, breachedNow, ticket);
  }

  private async save(manager: EntityManager, row: SlaClock, clock: ClockState, breachedNow: boolean, ticket: TicketFacts): Promise<void> {
    if (clock === row) return;
    const next = toRow(row.ticketId, row.policyId, row.startedAt, clock);
    await this.sla.saveClock(manager, next);
    if (breachedNow) await this.events.raise(manager, 'breached', next, ticket, row.dueAt ?? clock.metAt!);
  }
}

function toRow(ticketId: string, policyId: string | null, startedAt: Date, clock: ClockState): SlaClock {
  return Object.assign(new SlaClock(), {
    ticketId,
    policyId,
    startedAt,
    metric: clock.metric,
    targetMinutes: clock.targetMinutes,
    warningShare: clock.warningShare,
    pauseInPendingAuthority: clock.pauseInPendingAuthority,
    status: clock.status,
    consumedMinutes: clock.consumedMinutes,
    runningSince: clock.runningSince,
    warnAt: clock.warnAt,
    dueAt: clock.dueAt,
    warnedAt: clock.warnedAt,
    breachedAt: clock.breachedAt,
    metAt: clock.metAt,
  });
}
