import { SlaPolicyView } from '@d115/contracts';
import { SlaPolicy } from './entities/sla-policy.entity';

export function toSlaPolicyView(policy: SlaPolicy): SlaPolicyView {
  return {
    id: policy.id,
    name: policy.name,
    ...(policy.queueId ? { queue: policy.queueId } : {}),
    ...(policy.channel ? { channel: policy.channel } : {}),
    firstResponseMinutes: policy.firstResponseMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    warningShare: policy.warningShare,
    pauseInPendingAuthority: policy.pauseInPendingAuthority,
  };
}
