import { Injectable } from '@nestjs/common';
import { AgentView, SetPresenceRequest, TicketErrorCode } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { AuditRepository } from '../../../audit/audit.repository';
import { RoutingSignals } from '../../../shared/routing-signals';
import { TicketsException } from '../../../shared/tickets.exception';
import { toAgentView } from '../../agent.mapper';
import { AgentsRepository } from '../../agents.repository';

/** Available agents get offers; an agent going away or offline hands pending offers back (after commit). */
@Injectable()
export class SetPresenceUsecase {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly audit: AuditRepository,
    private readonly signals: RoutingSignals,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: SetPresenceRequest): Promise<AgentView> {
    const at = this.clock.now();
    return this.transactions.run(async (manager) => {
      const agent = await this.agents.lock(manager, cmd.agentId);
      if (!agent) throw new TicketsException(TicketErrorCode.AGENT_NOT_FOUND, `agent ${cmd.agentId} does not exist`);
      if (agent.presence !== cmd.presence) {
        await this.agents.update(manager, agent.id, { presence: cmd.presence, version: agent.version + 1, updatedAt: at });
        await this.audit.record(manager, {
          subjectType: 'agent',
          subjectId: agent.id,
          actor: cmd.actor,
          action: 'presence-changed',
          field: 'presence',
          oldValue: agent.presence,
          newValue: cmd.presence,
          at,
        });
      }
      if (cmd.presence === 'available') this.transactions.afterCommit(manager, () => this.signals.agentFree(agent.id));
      if (cmd.presence === 'away' || cmd.presence === 'offline') this.transactions.afterCommit(manager, () => this.signals.agentUnavailable(agent.id));
      return toAgentView((await this.agents.find(manager, agent.id))!);
    });
  }
}
