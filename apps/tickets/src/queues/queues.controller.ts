import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListRequest, ReplyOf, TicketSubjects, UpsertQueueRequest } from '@d115/contracts';
import { ListQueuesUsecase } from './usecases/list-queues/list-queues.usecase';
import { UpsertQueueUsecase } from './usecases/upsert-queue/upsert-queue.usecase';

@Controller()
export class QueuesController {
  constructor(
    private readonly upsertQueue: UpsertQueueUsecase,
    private readonly listQueues: ListQueuesUsecase,
  ) {}

  @MessagePattern(TicketSubjects.queueUpsert)
  upsert(@Payload() cmd: UpsertQueueRequest): Promise<ReplyOf<typeof TicketSubjects.queueUpsert>> {
    return this.upsertQueue.execute(cmd);
  }

  @MessagePattern(TicketSubjects.queueList)
  list(@Payload() _query: ListRequest): Promise<ReplyOf<typeof TicketSubjects.queueList>> {
    return this.listQueues.execute();
  }
}
