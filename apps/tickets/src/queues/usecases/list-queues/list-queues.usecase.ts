import { Injectable } from '@nestjs/common';
import { QueueView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { toQueueView } from '../../queue.mapper';
import { QueuesRepository } from '../../queues.repository';

@Injectable()
export class ListQueuesUsecase {
  constructor(
    private readonly queues: QueuesRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(): Promise<QueueView[]> {
    return (await this.queues.list(this.transactions.manager)).map(toQueueView);
  }
}
