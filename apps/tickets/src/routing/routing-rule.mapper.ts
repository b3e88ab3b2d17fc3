import { RoutingRuleView } from '@d115/contracts';
import { RoutingRule } from './entities/routing-rule.entity';

export function toRoutingRuleView(rule: RoutingRule): RoutingRuleView {
  return {
    id: rule.id,
    name: rule.name,
    position: rule.position,
    enabled: rule.enabled,
    when: rule.conditions,
    queue: rule.queueId,
    priority: rule.priority,
    requiredSkills: rule.requiredSkills,
    ...(rule.authorityId ? { authorityId: rule.authorityId } : {}),
    escalation: rule.escalation,
  };
}
