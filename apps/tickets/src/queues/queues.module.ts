import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { Clock, ENV } from '@d115/platform';
import { Transactions } from '@d115/database';
import { AuditModule } from '../audit/audit.module';
import { TicketsEnv } from '../config/tickets.env';
import { QueueListeners } from './queue-listeners';
import { QueuesController } from './queues.controller';
import { QueuesRepository } from './queues.repository';
import { ListQueuesUsecase } from './usecases/list-queues/list-queues.usecase';
import { UpsertQueueUsecase } from './usecases/upsert-queue/upsert-queue.usecase';

@Module({
  imports: [AuditModule],
  controllers: [QueuesController],
  providers: [QueuesRepository, QueueListeners, UpsertQueueUsecase, ListQueuesUsecase],
  exports: [QueuesRepository, QueueListeners],
})
export class QueuesModule implements OnModuleInit {
  constructor(
    private readonly queues: QueuesRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  /** The default queue always exists: cases no rule matches go there. */
  async onModuleInit(): Promise<void> {
    await this.transactions.run((manager) =>
      this.queues.ensure(manager, this.env.TICKETS_DEFAULT_QUEUE, 'Allgemein', this.env.TICKETS_RESERVATION_TIMEOUT_S, this.clock.now()),
    );
  }
}
