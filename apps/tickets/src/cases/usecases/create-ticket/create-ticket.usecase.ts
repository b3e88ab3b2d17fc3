import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  CitizenContactDto,
  CreateTicketRequest,
  D115Error,
  ErrorCode,
  eventAbout,
  TicketChannel,
  TicketCreatedEvent,
  TicketEvents,
  TicketView,
} from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { AuditRepository } from '../../../audit/audit.repository';
import { RouteCaseUsecase } from '../../../routing/usecases/route-case/route-case.usecase';
import { RoutingSignals } from '../../../shared/routing-signals';
import { TicketHooks } from '../../../shared/ticket-hooks';
import { NewArticle, TimelineRepository } from '../../../timeline/timeline.repository';
import { CasesRepository } from '../../cases.repository';
import { berlinYear } from '../../domain/berlin-year';
import { inScope } from '../../domain/municipality-scope';
import { citizenOf, toTicketView } from '../../domain/ticket.mapper';
import { Ticket } from '../../entities/ticket.entity';

/** Everything a new case can start with, whoever opens it (agent, mail, telephony). */
export interface NewCase {
  actor: string;
  channel: TicketChannel;
  subject: string;
  citizen?: CitizenContactDto;
  leikaKey?: string;
  ars?: string;
  mailbox?: string;
  language?: string;
  priority?: number;
  queue?: string;
  queueHint?: string;
  relatedTicketId?: string;
  originRef?: string;
  firstArticle?: Omit<NewArticle, 'ticketId' | 'createdAt'>;
  /** RFC Message-IDs of the mails that opened the case (for the mail service's threading). */
  mailMessageIds?: string[];
}

/**
 * Opens a case: routing decides queue, priority and skills; the number comes
 * from the year's sequence; history, `ticket.created` and the SLA clocks are
 * written in the same transaction; routing is nudged after commit.
 */
@Injectable()
export class CreateTicketUsecase {
  constructor(
    private readonly cases: CasesRepository,
    private readonly timeline: TimelineRepository,
    private readonly audit: AuditRepository,
    private readonly route: RouteCaseUsecase,
    private readonly outbox: OutboxWriter,
    private readonly hooks: TicketHooks,
    private readonly signals: RoutingSignals,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: CreateTicketRequest): Promise<TicketView> {
    const { text, scope, ...rest } = cmd;
    if (!inScope(cmd.ars, scope)) throw new D115Error(ErrorCode.FORBIDDEN, `ars ${cmd.ars} is outside the municipalities of ${cmd.actor}`);
    const firstArticle = text?.trim()
      ? { kind: cmd.channel === 'phone' ? ('call_note' as const) : ('internal_note' as const), author: cmd.actor, body: text }
      : undefined;
    return this.transactions.run(async (manager) => toTicketView(await this.open(manager, { ...rest, firstArticle })));
  }

  async open(manager: EntityManager, input: NewCase): Promise<Ticket> {
    const at = this.clock.now();
    const decision = await this.route.execute(manager, {
      channel: input.channel,
      mailbox: input.mailbox,
      leikaKey: input.leikaKey,
      ars: input.ars,
      language: input.language,
      text: `${input.subject}\n${input.firstArticle?.body ?? ''}`,
      queue: input.queue,
      priority: input.priority,
      queueHint: input.queueHint,
    });
    const firstStep = decision.escalation[0];
    const ticket: Ticket = Object.assign(new Ticket(), {
      id: uuidv7(),
      number: await this.cases.nextNumber(manager, berlinYear(at)),
      channel: input.channel,
      state: 'new',
      subject: input.subject,
      citizenName: input.citizen?.name ?? null,
      citizenEmail: input.citizen?.email ?? null,
      citizenPhone: input.citizen?.phone ?? null,
      citizenPreferredChannel: input.citizen?.preferredChannel ?? null,
      language: input.language ?? null,
      leikaKey: input.leikaKey ?? null,
      ars: input.ars ?? null,
      mailbox: input.mailbox ?? null,
      priority: decision.priority,
      queueId: decision.queueId,
      ownerAgentId: null,
      routingStatus: 'queued',
      queuedAt: at,
      requiredSkills: decision.requiredSkills,
      routingRuleId: decision.ruleId,
      escalationSteps: decision.escalation,
      escalationLevel: 0,
      escalateAt: firstStep ? new Date(at.getTime() + firstStep.afterMinutes * 60_000) : null,
      suggestedAuthorityId: decision.authorityId,
      forwardedAuthorityName: null,
      forwardedAuthorityEmail: null,
      forwardedAt: null,
      relatedTicketId: input.relatedTicketId ?? null,
      originRef: input.originRef ?? null,
      version: 1,
      createdAt: at,
      updatedAt: at,
      firstRespondedAt: null,
      resolvedAt: null,
      closedAt: null,
      anonymizedAt: null,
      // The access key is issued when the acknowledgment is composed (IssueStatusKeyUsecase), never put in an event.
      statusKeyHash: null,
    } satisfies Ticket);
    await this.cases.insert(manager, ticket);
    if (input.firstArticle) await this.timeline.add(manager, { ...input.firstArticle, ticketId: ticket.id, createdAt: at });
    await this.audit.record(manager, {
      ticketId: ticket.id,
      subjectId: ticket.id,
      actor: input.actor,
      action: 'created',
      newValue: { number: ticket.number, channel: ticket.channel, queue: ticket.queueId, priority: ticket.priority, rule: ticket.routingRuleId },
      at,
    });
    const citizen = citizenOf(ticket);
    await this.outbox.append<TicketCreatedEvent>(manager, {
      subject: TicketEvents.created,
      about: eventAbout('ticket', ticket.id),
      data: {
        ticketId: ticket.id,
        number: ticket.number,
        channel: ticket.channel,
        state: ticket.state,
        subject: ticket.subject,
        queue: ticket.queueId,
        ...(citizen ? { citizen } : {}),
        ...(ticket.leikaKey ? { leikaKey: ticket.leikaKey } : {}),
        ...(ticket.ars ? { ars: ticket.ars } : {}),
        ...(input.mailMessageIds?.length ? { mailMessageIds: input.mailMessageIds } : {}),
        ...(ticket.originRef ? { originRef: ticket.originRef } : {}),
      },
    });
    await this.hooks.created(manager, ticket, at);
    this.transactions.afterCommit(manager, () => this.signals.caseWaiting(ticket.id));
    return ticket;
  }
}
