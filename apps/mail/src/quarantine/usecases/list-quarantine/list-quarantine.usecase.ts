import { Injectable } from '@nestjs/common';
import { QuarantineListReply, QuarantineListRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { IntakeRepository } from '../../../intake/intake.repository';

@Injectable()
export class ListQuarantineUsecase {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: IntakeRepository,
  ) {}

  async execute(request: QuarantineListRequest): Promise<QuarantineListReply> {
    const { items, total } = await this.repository.listQuarantined(this.transactions.manager, { mailbox: request.mailbox, limit: request.limit ?? 50 });
    return {
      total,
      items: items.map((row) => ({
        id: row.id,
        mailbox: row.mailbox,
        source: row.source,
        ...(row.envelopeFrom !== null ? { envelopeFrom: row.envelopeFrom } : {}),
        size: row.size,
        reason: row.quarantineReason ?? '',
        attempts: row.attempts,
        receivedAt: row.receivedAt.toISOString(),
      })),
    };
  }
}
