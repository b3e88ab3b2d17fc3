import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QuarantineListReply, QuarantineListRequest } from '@d115/contracts';
import { DATA_SOURCE } from '@d115/platform';
import { IntakeRepository } from '../../../intake/intake.repository';

@Injectable()
export class ListQuarantineUsecase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly repository: IntakeRepository,
  ) {}

  async execute(request: QuarantineListRequest): Promise<QuarantineListReply> {
    const { items, total } = await this.repository.listQuarantined(this.dataSource.manager, { mailbox: request.mailbox, limit: request.limit ?? 50 });
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
