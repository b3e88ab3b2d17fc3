import { Injectable } from '@nestjs/common';
import { D115Error, MailErrorCode, QuarantineRetryReply, QuarantineRetryRequest } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { Transactions } from '@d115/database';
import { IntakeRepository } from '../../../intake/intake.repository';
import { MailboxDirectory } from '../../../mailboxes/mailbox.directory';
import { RecordMessageUsecase } from '../../../messages/usecases/record-message/record-message.usecase';
import { rfcMessageIdOfKey } from '../../../parsing/message-ids';
import { ParseMessageUsecase } from '../../../parsing/usecases/parse-message/parse-message.usecase';

/**
 * Parses a quarantined mail again (after the parser or a limit was fixed). On
 * success it is stored and announced exactly like a newly received mail, under
 * its original id; otherwise it stays in quarantine with the new reason.
 */
@Injectable()
export class RetryQuarantinedUsecase {
  private readonly logger = childLogger('quarantine');

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: IntakeRepository,
    private readonly parse: ParseMessageUsecase,
    private readonly record: RecordMessageUsecase,
    private readonly mailboxes: MailboxDirectory,
  ) {}

  execute(request: QuarantineRetryRequest): Promise<QuarantineRetryReply> {
    return this.transactions.run(async (manager) => {
      const inbound = await this.repository.findQuarantinedForUpdate(manager, request.id);
      if (!inbound) throw new D115Error(MailErrorCode.QUARANTINE_NOT_FOUND, `no quarantined mail with id ${request.id}`);
      const parsed = await this.parse.execute(inbound.raw);
      if (!parsed.ok) {
        await this.repository.markStillQuarantined(manager, inbound.id, parsed.reason);
        return { id: inbound.id, outcome: 'still-quarantined', reason: parsed.reason };
      }
      // A mailbox removed from the configuration since keeps its address; settings come from the default.
      const mailbox = this.mailboxes.find(inbound.mailbox) ?? { ...this.mailboxes.default, address: inbound.mailbox };
      await this.record.execute(manager, [
        {
          id: inbound.id,
          rfcMessageId: rfcMessageIdOfKey(inbound.dedupeKey),
          mailbox,
          source: inbound.source,
          mail: parsed.mail,
          envelopeFrom: inbound.envelopeFrom ?? undefined,
          messageIdReused: rfcMessageIdOfKey(inbound.dedupeKey) !== inbound.dedupeKey,
        },
      ]);
      await this.repository.markStored(manager, inbound.id);
      this.logger.info({ id: inbound.id, mailbox: inbound.mailbox }, 'quarantined mail processed');
      return { id: inbound.id, outcome: 'processed' };
    });
  }
}
