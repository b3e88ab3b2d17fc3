import { Injectable } from '@nestjs/common';
import { DeleteRoutingRuleRequest, TicketErrorCode } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { AuditRepository } from '../../../audit/audit.repository';
import { TicketsException } from '../../../shared/tickets.exception';
import { toRoutingRuleView } from '../../routing-rule.mapper';
import { RoutingRepository } from '../../routing.repository';

@Injectable()
export class DeleteRoutingRuleUsecase {
  constructor(
    private readonly rules: RoutingRepository,
    private readonly audit: AuditRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: DeleteRoutingRuleRequest): Promise<{ deleted: true }> {
    return this.transactions.run(async (manager) => {
      const before = await this.rules.find(manager, cmd.ruleId);
      if (!before || !(await this.rules.delete(manager, cmd.ruleId))) {
        throw new TicketsException(TicketErrorCode.RULE_NOT_FOUND, `routing rule ${cmd.ruleId} does not exist`);
      }
      await this.audit.record(manager, {
        subjectType: 'routing-rule',
        subjectId: cmd.ruleId,
        actor: cmd.actor,
        action: 'deleted',
        oldValue: toRoutingRuleView(before),
        at: this.clock.now(),
      });
      return { deleted: true as const };
    });
  }
}
