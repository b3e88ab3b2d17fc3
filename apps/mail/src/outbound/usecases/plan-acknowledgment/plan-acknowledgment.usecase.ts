import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { EntityManager } from 'typeorm';
import { MailClassification } from '@d115/contracts';
import { MailboxDirectory } from '../../../mailboxes/mailbox.directory';
import { MailboxConfig } from '../../../mailboxes/entities/mailbox.config';
import { MailAddress, ParsedMail } from '../../../parsing/parsed-mail';
import { ThreadHint } from '../../../threading/thread-hint';
import { OutboundRepository } from '../../outbound.repository';

export interface PlanAcknowledgmentInput {
  messageId: string;
  rfcMessageId: string;
  mailbox: MailboxConfig;
  mail: ParsedMail;
  classification: MailClassification;
  hint?: ThreadHint;
  /** '' = null sender <>. */
  envelopeFrom?: string;
}

const NO_REPLY = /^(no-?reply|do-?not-?reply|noreply-[^@]*)@/i;

/**
 * Decides at receipt whether a mail will get an acknowledgment: only a
 * citizen's normal mail that opens a new case, never automated mail, lists,
 * bounces, our own mail or mail with the null sender. The acknowledgment
 * itself waits for the ticket number (QueueAcknowledgmentUsecase).
 */
@Injectable()
export class PlanAcknowledgmentUsecase {
  constructor(
    private readonly repository: OutboundRepository,
    private readonly mailboxes: MailboxDirectory,
  ) {}

  /** Plans the acknowledgments of a group of mails (one statement); returns which were planned. */
  async execute(manager: EntityManager, inputs: PlanAcknowledgmentInput[]): Promise<boolean[]> {
    const planned = inputs.map((input) => this.eligibleRecipient(input));
    await this.repository.planAcknowledgments(
      manager,
      inputs.flatMap((input, i) => {
        const recipient = planned[i];
        if (!recipient) return [];
        return [
          {
            messageId: input.messageId,
            mailbox: input.mailbox.address,
            rfcMessageId: input.rfcMessageId,
            recipient: recipient.address,
            recipientName: recipient.name ?? null,
            subject: input.mail.subject,
          },
        ];
      }),
    );
    return planned.map(Boolean);
  }

  private eligibleRecipient(input: PlanAcknowledgmentInput): MailAddress | undefined {
    const recipient = input.mail.replyTo[0] ?? input.mail.from;
    const opensCase = input.hint === undefined || input.hint.newCase === true;
    const eligible =
      input.mailbox.acknowledgment.enabled &&
      input.classification === 'normal' &&
      opensCase &&
      input.envelopeFrom !== '' &&
      recipient !== undefined &&
      isEmail(recipient.address, { require_tld: false }) &&
      !NO_REPLY.test(recipient.address) &&
      !this.mailboxes.isOwnAddress(recipient.address);
    return eligible ? recipient : undefined;
  }
}
