import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { eventAbout, MailClassification, MailMessageReceivedEvent, MailSubjects } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { AttachmentsRepository, NewAttachment } from '../../../attachments/attachments.repository';
import { ClassificationResult } from '../../../classification/classification';
import { ClassifyMessageUsecase } from '../../../classification/usecases/classify-message/classify-message.usecase';
import { MailboxDirectory } from '../../../mailboxes/mailbox.directory';
import { MailboxConfig } from '../../../mailboxes/entities/mailbox.config';
import { PlanAcknowledgmentUsecase } from '../../../outbound/usecases/plan-acknowledgment/plan-acknowledgment.usecase';
import { RecordBounceUsecase } from '../../../outbound/usecases/record-bounce/record-bounce.usecase';
import { ParsedMail } from '../../../parsing/parsed-mail';
import { attachesToCase, ThreadHint } from '../../../threading/thread-hint';
import { ThreadingRepository } from '../../../threading/threading.repository';
import { FindThreadUsecase } from '../../../threading/usecases/find-thread/find-thread.usecase';
import { toReceivedEvent } from '../../message-received.mapper';
import { MessagesRepository, NewMessage } from '../../messages.repository';

export interface RecordMessageInput {
  /** Id of the raw row (the message gets the same id). */
  id: string;
  /** Normalized Message-ID, or the content hash id of a mail without one. */
  rfcMessageId: string;
  mailbox: MailboxConfig;
  source: 'smtp' | 'imap';
  mail: ParsedMail;
  /** '' = null sender <>; undefined when unknown (IMAP). */
  envelopeFrom?: string;
  /** Another mail in the mailbox already has this Message-ID, with other content. */
  messageIdReused?: boolean;
}

export interface RecordedMessage {
  classification: MailClassification;
  hint?: ThreadHint;
}

interface Plan {
  input: RecordMessageInput;
  result: ClassificationResult;
  hint?: ThreadHint;
  message: NewMessage;
  attachments: NewAttachment[];
  event: MailMessageReceivedEvent;
}

/**
 * Stores parsed mails and everything they imply, inside the caller's
 * transaction: classification, thread, attachments, bounce consequences, the
 * acknowledgment plan, and the mail.message.received events (outbox). A group
 * of mails is written with one statement per table, so that concurrent
 * deliveries share their round trips to the database.
 */
@Injectable()
export class RecordMessageUsecase {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly threading: ThreadingRepository,
    private readonly classify: ClassifyMessageUsecase,
    private readonly findThread: FindThreadUsecase,
    private readonly recordBounce: RecordBounceUsecase,
    private readonly planAcknowledgment: PlanAcknowledgmentUsecase,
    private readonly mailboxes: MailboxDirectory,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(manager: EntityManager, inputs: RecordMessageInput[]): Promise<RecordedMessage[]> {
    if (inputs.length === 0) return [];
    const plans: Plan[] = [];
    for (const input of inputs) plans.push(await this.plan(manager, input));

    await this.messages.insertMany(
      manager,
      plans.map((p) => p.message),
    );
    await this.attachments.insertMany(
      manager,
      plans.flatMap((p) => p.attachments),
    );
    await this.threading.rememberMessages(
      manager,
      plans.map((p) => ({
        rfcMessageId: p.input.rfcMessageId,
        ticketId: attachesToCase(p.hint) ? p.hint?.ticketId : undefined,
        direction: 'in' as const,
        mailbox: p.input.mailbox.address,
        sender: p.input.mail.from?.address,
      })),
    );
    for (const plan of plans) await this.consequences(manager, plan);
    await this.planAcknowledgment.execute(
      manager,
      plans.map((p) => ({
        messageId: p.input.id,
        rfcMessageId: p.input.rfcMessageId,
        mailbox: p.input.mailbox,
        mail: p.input.mail,
        classification: p.result.classification,
        hint: p.hint,
        envelopeFrom: p.input.envelopeFrom,
      })),
    );
    await this.outbox.append(
      manager,
      plans.map((p) => ({ subject: MailSubjects.messageReceived, data: p.event, about: eventAbout('message', p.input.id) })),
    );
    return plans.map((p) => ({ classification: p.result.classification, hint: p.hint }));
  }

  /** Classification and thread (reads only); the rows and the event to write. */
  private async plan(manager: EntityManager, input: RecordMessageInput): Promise<Plan> {
    const { mail } = input;
    const sender = mail.from?.address;
    const result = this.classify.execute(mail, { envelopeFrom: input.envelopeFrom, isOwnAddress: (a) => this.mailboxes.isOwnAddress(a) });
    const hint = await this.findThread.execute(manager, {
      subject: mail.subject,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      originalMessageId: result.originalMessageId,
      sender,
      classification: result.classification,
    });
    const attachments = this.attachments.prepare(input.id, mail.attachments);
    const message: NewMessage = {
      id: input.id,
      mailbox: input.mailbox.address,
      rfcMessageId: input.rfcMessageId,
      fromAddress: sender ?? null,
      fromName: mail.from?.name ?? null,
      replyTo: mail.replyTo,
      toAddresses: mail.to,
      ccAddresses: mail.cc,
      subject: mail.subject,
      sentAt: mail.date ?? null,
      headers: mail.headers,
      inReplyTo: mail.inReplyTo ?? null,
      referenceIds: mail.references,
      textBody: mail.text,
      quotedText: mail.quotedText ?? null,
      htmlBody: mail.html ?? null,
      classification: result.classification,
      classificationReasons: result.reasons,
      bounce: result.bounce ?? null,
      ticketId: hint?.ticketId ?? null,
      ticketNumber: hint?.ticketNumber ?? null,
      threadReason: hint?.reason ?? null,
      newCase: hint?.newCase ?? false,
      messageIdReused: input.messageIdReused ?? false,
    };
    const event = toReceivedEvent({
      ...input,
      attachments: attachments.map((a) => a.entity),
      classification: result.classification,
      bounce: result.bounce,
      hint,
    });
    return { input, result, hint, message, attachments, event };
  }

  /** The rarer effects, mail by mail: new participants, bounces. */
  private async consequences(manager: EntityManager, { input, result, hint }: Plan): Promise<void> {
    const sender = input.mail.from?.address;
    // Someone who wrote with the ticket number is part of the case from now on.
    if (attachesToCase(hint) && hint?.ticketId && sender && result.classification === 'normal' && hint.reason !== 'references') {
      await this.threading.addParticipants(manager, hint.ticketId, [sender]);
    }
    if (result.classification === 'bounce') await this.recordBounce.execute(manager, { bounceMessageId: input.id, result, ticketId: hint?.ticketId });
  }
}
