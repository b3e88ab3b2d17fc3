import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailMessageReceivedEvent, ThreadHintDto } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { CasesRepository } from '../../../cases/cases.repository';
import { isActive } from '../../../cases/domain/ticket-state-machine';
import { Ticket } from '../../../cases/entities/ticket.entity';
import { TicketWorkflow } from '../../../cases/ticket-workflow';
import { CreateTicketUsecase } from '../../../cases/usecases/create-ticket/create-ticket.usecase';
import { TimelineRepository } from '../../../timeline/timeline.repository';
import { IntakeRepository } from '../../intake.repository';

export type MailIntakeOutcome = 'duplicate' | 'created' | 'attached' | 'reopened' | 'unattached';

const ACTOR = 'system:mail';

/**
 * A mail the mail service accepted: an article on the case its thread hint
 * names, or a new case. A normal mail on a waiting, answered or closed case
 * reopens it (the citizen or the authority answered); auto-replies, bounces
 * and reports attach without reopening, and never open a case of their own
 * (they are kept as unattached mail for ops instead).
 */
@Injectable()
export class IntakeMailUsecase {
  constructor(
    private readonly cases: CasesRepository,
    private readonly timeline: TimelineRepository,
    private readonly workflow: TicketWorkflow,
    private readonly createTicket: CreateTicketUsecase,
    private readonly intake: IntakeRepository,
    private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, mail: MailMessageReceivedEvent): Promise<MailIntakeOutcome> {
    if (await this.timeline.hasMailMessage(manager, mail.messageId)) return 'duplicate';
    const hinted = mail.threadHint ? await this.hintedCase(manager, mail.threadHint) : null;
    const target = hinted && !hinted.anonymizedAt && !mail.threadHint?.newCase ? await this.workflow.loadForChange(manager, hinted.id) : null;
    const automatic = mail.classification !== 'normal';

    if (target) return this.attach(manager, target, mail, automatic);
    if (automatic) {
      await this.intake.keepUnattached(manager, mail, hinted ? 'case anonymised' : 'no case to attach to', this.clock.now());
      return 'unattached';
    }
    const citizenAddress = mail.replyTo?.[0] ?? mail.from;
    await this.createTicket.open(manager, {
      actor: ACTOR,
      channel: 'email',
      subject: mail.subject.trim() || '(ohne Betreff)',
      citizen: { email: citizenAddress.address, ...(citizenAddress.name ? { name: citizenAddress.name } : {}), preferredChannel: 'email' },
      mailbox: mail.mailbox,
      ...(mail.ars ? { ars: mail.ars } : {}),
      ...(mail.queueHint ? { queueHint: mail.queueHint } : {}),
      ...(hinted ? { relatedTicketId: hinted.id } : {}),
      firstArticle: this.article(mail),
      mailMessageIds: [mail.rfcMessageId],
    });
    return 'created';
  }

  private async attach(manager: EntityManager, ticket: Ticket, mail: MailMessageReceivedEvent, automatic: boolean): Promise<MailIntakeOutcome> {
    const article = await this.timeline.add(manager, { ...this.article(mail), ticketId: ticket.id, createdAt: this.clock.now() });
    const fromAuthority = !!ticket.forwardedAuthorityEmail && mail.from.address.toLowerCase() === ticket.forwardedAuthorityEmail.toLowerCase();
    const action = automatic ? `${mail.classification}-attached` : fromAuthority ? 'authority-answered' : 'mail-attached';
    const touched = await this.workflow.touched(manager, ticket, ACTOR, 'articles', { action, newValue: article.id });
    if (automatic || isActive(touched.state)) return 'attached';
    await this.workflow.moveAlong(manager, touched, 'open', ACTOR, fromAuthority ? 'the authority answered' : 'the citizen wrote again');
    return 'reopened';
  }

  private article(mail: MailMessageReceivedEvent) {
    return {
      kind: 'email_in' as const,
      author: mail.from.address,
      fromAddress: mail.from.address,
      toAddresses: mail.to.map((to) => to.address),
      subject: mail.subject,
      body: mail.text,
      classification: mail.classification,
      mailMessageId: mail.messageId,
      rfcMessageId: mail.rfcMessageId,
      attachmentIds: mail.attachments.map((attachment) => attachment.id),
    };
  }

  private async hintedCase(manager: EntityManager, hint: ThreadHintDto): Promise<Ticket | null> {
    if (hint.ticketId) {
      const byId = await this.cases.find(manager, hint.ticketId);
      if (byId) return byId;
    }
    const number = normalizeTicketNumber(hint.ticketNumber);
    return number ? this.cases.findByNumber(manager, number) : null;
  }
}

/** `115-2026-000123`, `2026-000123` or `115#2026-000123` → `115-2026-000123`. */
export function normalizeTicketNumber(value: string | undefined): string | undefined {
  const match = value?.trim().match(/^(?:115[-#])?(\d{4})-(\d{6,})$/);
  return match ? `115-${match[1]}-${match[2]}` : undefined;
}
