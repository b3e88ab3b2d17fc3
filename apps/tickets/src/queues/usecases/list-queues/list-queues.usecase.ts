import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueView } from '@d115/contracts';
import { DATA_SOURCE } from '@d115/platform';
import { toQueueView } from '../../queue.mapper';
import { QueuesRepository } from '../../queues.repository';

@Injectable()
export class ListQueuesUsecase {
  constructor(
    private readonly queues: QueuesRepository,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async execute(): Promise<QueueView[]> {
    return (await this.queues.list(this.dataSource.manager)).map(toQueueView);
  }
}
