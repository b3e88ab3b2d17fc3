import { AgentView } from '@d115/contracts';
import { Agent } from './entities/agent.entity';

export function toAgentView(agent: Agent): AgentView {
  return {
    id: agent.id,
    name: agent.name,
    presence: agent.presence,
    skills: agent.skills,
    capacity: agent.capacity,
    load: agent.load,
    queues: agent.queues,
    eligibleQueues: agent.eligibleQueues,
    version: agent.version,
    updatedAt: agent.updatedAt.toISOString(),
  };
}
