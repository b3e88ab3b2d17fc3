import { Inject, Injectable } from '@nestjs/common';
import { QueueView, TicketErrorCode, UpsertQueueRequest } from '@d115/contracts';
import { Clock, ENV } from '@d115/platform';
import { Transactions } from '@d115/database';
import { AuditRepository } from '../../../audit/audit.repository';
import { TicketsEnv } from '../../../config/tickets.env';
import { TicketsException } from '../../../shared/tickets.exception';
import { parseTargetExpression, TargetExpressionError } from '../../domain/target-expression';
import { QueueListeners } from '../../queue-listeners';
import { toQueueView } from '../../queue.mapper';
import { QueuesRepository } from '../../queues.repository';

@Injectable()
export class UpsertQueueUsecase {
  constructor(
    private readonly queues: QueuesRepository,
    private readonly listeners: QueueListeners,
    private readonly audit: AuditRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  async execute(cmd: UpsertQueueRequest): Promise<QueueView> {
    const targetExpression = cmd.targetExpression?.trim() || null;
    if (targetExpression) {
      try {
        parseTargetExpression(targetExpression);
      } catch (error) {
        if (!(error instanceof TargetExpressionError)) throw error;
        throw new TicketsException(TicketErrorCode.INVALID_TARGET_EXPRESSION, `queue ${cmd.queueId}: ${error.message}`, {
          position: error.position,
        });
      }
    }
    const at = this.clock.now();
    return this.transactions.run(async (manager) => {
      const queue = {
        id: cmd.queueId,
        name: cmd.name,
        targetExpression,
        reservationTimeoutSeconds: cmd.reservationTimeoutSeconds ?? this.env.TICKETS_RESERVATION_TIMEOUT_S,
        updatedAt: at,
      };
      const before = await this.queues.upsert(manager, queue);
      await this.audit.record(manager, {
        subjectType: 'queue',
        subjectId: queue.id,
        actor: cmd.actor,
        action: before ? 'updated' : 'created',
        oldValue: before && { name: before.name, targetExpression: before.targetExpression, reservationTimeoutSeconds: before.reservationTimeoutSeconds },
        newValue: { name: queue.name, targetExpression, reservationTimeoutSeconds: queue.reservationTimeoutSeconds },
        at,
      });
      const saved = (await this.queues.find(manager, queue.id))!;
      await this.listeners.changed(manager, saved);
      return toQueueView(saved);
    });
  }
}
