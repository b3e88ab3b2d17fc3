import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { RoutingRuleView, TicketErrorCode, UpsertRoutingRuleRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { AuditRepository } from '../../../audit/audit.repository';
import { QueuesRepository } from '../../../queues/queues.repository';
import { TicketsException } from '../../../shared/tickets.exception';
import { RoutingRule } from '../../entities/routing-rule.entity';
import { toRoutingRuleView } from '../../routing-rule.mapper';
import { RoutingRepository } from '../../routing.repository';

@Injectable()
export class UpsertRoutingRuleUsecase {
  constructor(
    private readonly rules: RoutingRepository,
    private readonly queues: QueuesRepository,
    private readonly audit: AuditRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: UpsertRoutingRuleRequest): Promise<RoutingRuleView> {
    const at = this.clock.now();
    return this.transactions.run(async (manager) => {
      const queueIds = [cmd.queue, ...(cmd.escalation ?? []).map((step) => step.queue)].filter((q): q is string => !!q);
      const known = await this.queues.existing(manager, queueIds);
      const missing = queueIds.filter((id) => !known.has(id));
      if (missing.length) throw new TicketsException(TicketErrorCode.QUEUE_NOT_FOUND, `unknown queue(s): ${missing.join(', ')}`);
      const before = cmd.ruleId ? await this.rules.find(manager, cmd.ruleId) : null;
      if (cmd.ruleId && !before) throw new TicketsException(TicketErrorCode.RULE_NOT_FOUND, `routing rule ${cmd.ruleId} does not exist`);
      const rule: RoutingRule = {
        id: before?.id ?? uuidv7(),
        name: cmd.name,
        position: cmd.position,
        enabled: cmd.enabled ?? true,
        conditions: { ...cmd.when },
        queueId: cmd.queue,
        priority: cmd.priority ?? 0,
        requiredSkills: cmd.requiredSkills ?? {},
        authorityId: cmd.authorityId ?? null,
        escalation: (cmd.escalation ?? []).map((step) => ({ ...step })),
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
      };
      await this.rules.save(manager, rule, !!before);
      await this.audit.record(manager, {
        subjectType: 'routing-rule',
        subjectId: rule.id,
        actor: cmd.actor,
        action: before ? 'updated' : 'created',
        oldValue: before && toRoutingRuleView(before),
        newValue: toRoutingRuleView(rule),
        at,
      });
      return toRoutingRuleView(rule);
    });
  }
}
