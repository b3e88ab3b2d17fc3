import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListRequest, QueueView, TicketSubjects, UpsertQueueRequest } from '@d115/contracts';
import { ListQueuesUsecase } from './usecases/list-queues/list-queues.usecase';
import { UpsertQueueUsecase } from './usecases/upsert-queue/upsert-queue.usecase';

@Controller()
export class QueuesController {
  constructor(
    private readonly upsertQueue: UpsertQueueUsecase,
    private readonly listQueues: ListQueuesUsecase,
  ) {}

  @MessagePattern(TicketSubjects.queueUpsert)
  upsert(@Payload() cmd: UpsertQueueRequest): Promise<QueueView> {
    return this.upsertQueue.execute(cmd);
  }

  @MessagePattern(TicketSubjects.queueList)
  list(@Payload() _query: ListRequest): Promise<QueueView[]> {
    return this.listQueues.execute();
  }
}
