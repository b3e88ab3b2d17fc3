import { Injectable } from '@nestjs/common';
import { AgentView, UpsertAgentRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { AuditRepository } from '../../../audit/audit.repository';
import { RoutingSignals } from '../../../shared/routing-signals';
import { toAgentView } from '../../agent.mapper';
import { AgentsRepository } from '../../agents.repository';
import { eligibleQueues } from '../../domain/eligibility';
import { Agent } from '../../entities/agent.entity';

/**
 * Creates or reconfigures an agent. Load is kept; a capacity below the current
 * load only means no new work until cases finish.
 */
@Injectable()
export class UpsertAgentUsecase {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly audit: AuditRepository,
    private readonly signals: RoutingSignals,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: UpsertAgentRequest): Promise<AgentView> {
    const at = this.clock.now();
    return this.transactions.run(async (manager) => {
      const before = await this.agents.lock(manager, cmd.agentId);
      const eligible = eligibleQueues(cmd.queues, cmd.skills, await this.agents.queueExpressions(manager));
      const config = { name: cmd.name, skills: cmd.skills, capacity: cmd.capacity, queues: [...new Set(cmd.queues)], eligibleQueues: eligible };
      const presence = cmd.presence ?? before?.presence ?? 'offline';
      if (before) {
        await this.agents.update(manager, cmd.agentId, { ...config, presence, version: before.version + 1, updatedAt: at });
      } else {
        const agent: Agent = {
          id: cmd.agentId,
          ...config,
          presence,
          load: {},
          lastAssignedAt: null,
          dispatchCheckedAt: null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        };
        await this.agents.insert(manager, agent);
      }
      await this.audit.record(manager, {
        subjectType: 'agent',
        subjectId: cmd.agentId,
        actor: cmd.actor,
        action: before ? 'updated' : 'created',
        oldValue: before && { name: before.name, skills: before.skills, capacity: before.capacity, queues: before.queues, presence: before.presence },
        newValue: { name: cmd.name, skills: cmd.skills, capacity: cmd.capacity, queues: config.queues, presence },
        at,
      });
      if (presence === 'available') this.transactions.afterCommit(manager, () => this.signals.agentFree(cmd.agentId));
      else if (before?.presence === 'available') this.transactions.afterCommit(manager, () => this.signals.agentUnavailable(cmd.agentId));
      return toAgentView((await this.agents.find(manager, cmd.agentId))!);
    });
  }
}
