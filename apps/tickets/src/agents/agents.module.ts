import { Module, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditModule } from '../audit/audit.module';
import { Queue } from '../queues/entities/queue.entity';
import { QueueListeners } from '../queues/queue-listeners';
import { QueuesModule } from '../queues/queues.module';
import { AgentsController } from './agents.controller';
import { AgentsRepository } from './agents.repository';
import { eligibleQueues } from './domain/eligibility';
import { GetAgentUsecase } from './usecases/get-agent/get-agent.usecase';
import { ListAgentsUsecase } from './usecases/list-agents/list-agents.usecase';
import { SetPresenceUsecase } from './usecases/set-presence/set-presence.usecase';
import { UpsertAgentUsecase } from './usecases/upsert-agent/upsert-agent.usecase';

@Module({
  imports: [AuditModule, QueuesModule],
  controllers: [AgentsController],
  providers: [AgentsRepository, UpsertAgentUsecase, SetPresenceUsecase, GetAgentUsecase, ListAgentsUsecase],
  exports: [AgentsRepository],
})
export class AgentsModule implements OnModuleInit {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly queueListeners: QueueListeners,
  ) {}

  /** A queue's target expression decides who may serve it: recompute the agents serving it. */
  onModuleInit(): void {
    this.queueListeners.register(async (manager: EntityManager, queue: Queue) => {
      const expressions = await this.agents.queueExpressions(manager);
      for (const agent of await this.agents.lockServing(manager, queue.id)) {
        const eligible = eligibleQueues(agent.queues, agent.skills, expressions);
        if (eligible.join() !== agent.eligibleQueues.join()) await this.agents.update(manager, agent.id, { eligibleQueues: eligible });
      }
    });
  }
}
