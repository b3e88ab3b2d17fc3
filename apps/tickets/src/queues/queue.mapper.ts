import { QueueView } from '@d115/contracts';
import { Queue } from './entities/queue.entity';

export function toQueueView(queue: Queue): QueueView {
  return {
    id: queue.id,
    name: queue.name,
    ...(queue.targetExpression ? { targetExpression: queue.targetExpression } : {}),
    reservationTimeoutSeconds: queue.reservationTimeoutSeconds,
    updatedAt: queue.updatedAt.toISOString(),
  };
}
