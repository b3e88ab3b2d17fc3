import { agentMatchesQueue } from '../../queues/domain/target-expression';

/**
 * The queues an agent may get work from: those they serve that exist and whose
 * target expression their skills satisfy. `expressions` maps queue id →
 * expression (null = anyone serving it).
 */
export function eligibleQueues(served: readonly string[], skills: Record<string, number>, expressions: ReadonlyMap<string, string | null>): string[] {
  return [...new Set(served)].filter((queue) => expressions.has(queue) && agentMatchesQueue(expressions.get(queue), skills)).sort();
}
