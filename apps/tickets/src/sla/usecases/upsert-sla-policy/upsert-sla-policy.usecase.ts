import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { SlaPolicyView, TicketErrorCode, UpsertSlaPolicyRequest } from '@d115/contracts';
import { Clock, ENV } from '@d115/platform';
import { Transactions } from '@d115/database';
import { AuditRepository } from '../../../audit/audit.repository';
import { TicketsEnv } from '../../../config/tickets.env';
import { QueuesRepository } from '../../../queues/queues.repository';
import { TicketsException } from '../../../shared/tickets.exception';
import { SlaPolicy } from '../../entities/sla-policy.entity';
import { toSlaPolicyView } from '../../sla-policy.mapper';
import { SlaRepository } from '../../sla.repository';

/** Policies apply to cases created afterwards; running clocks keep the targets they started with. */
@Injectable()
export class UpsertSlaPolicyUsecase {
  constructor(
    private readonly sla: SlaRepository,
    private readonly queues: QueuesRepository,
    private readonly audit: AuditRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  execute(cmd: UpsertSlaPolicyRequest): Promise<SlaPolicyView> {
    const at = this.clock.now();
    return this.transactions.run(async (manager) => {
      if (cmd.queue && !(await this.queues.find(manager, cmd.queue))) {
        throw new TicketsException(TicketErrorCode.QUEUE_NOT_FOUND, `queue ${cmd.queue} does not exist`);
      }
      const before = cmd.policyId ? await this.sla.findPolicy(manager, cmd.policyId) : null;
      if (cmd.policyId && !before) throw new TicketsException(TicketErrorCode.SLA_POLICY_NOT_FOUND, `SLA policy ${cmd.policyId} does not exist`);
      const policy: SlaPolicy = {
        id: before?.id ?? uuidv7(),
        name: cmd.name,
        queueId: cmd.queue ?? null,
        channel: cmd.channel ?? null,
        firstResponseMinutes: cmd.firstResponseMinutes,
        resolutionMinutes: cmd.resolutionMinutes,
        warningShare: cmd.warningShare ?? this.env.TICKETS_SLA_WARNING_SHARE,
        pauseInPendingAuthority: cmd.pauseInPendingAuthority ?? this.env.TICKETS_SLA_PAUSE_PENDING_AUTHORITY,
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
      };
      await this.sla.savePolicy(manager, policy, !!before);
      await this.audit.record(manager, {
        subjectType: 'sla-policy',
        subjectId: policy.id,
        actor: cmd.actor,
        action: before ? 'updated' : 'created',
        oldValue: before && toSlaPolicyView(before),
        newValue: toSlaPolicyView(policy),
        at,
      });
      return toSlaPolicyView(policy);
    });
  }
}
