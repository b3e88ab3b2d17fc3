import { Injectable } from '@nestjs/common';
import { IssuedStatusKey, IssueStatusKeyRequest, TicketErrorCode } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { Transactions } from '@d115/database';
import { AuditRepository } from '../../../audit/audit.repository';
import { TicketsException } from '../../../shared/tickets.exception';
import { CasesRepository } from '../../cases.repository';
import { hashStatusKey, newStatusKey } from '../../domain/status-key';
import { Ticket } from '../../entities/ticket.entity';

/**
 * A fresh citizen access key for a case, asked for by the mail service while it composes
 * the acknowledgment. Only the hash is stored, replacing any earlier key (an
 * acknowledgment composed again after a failure carries the key that works). The key is
 * in the reply and nowhere else: not in an event, the outbox, the audit or a log. The
 * case's version and last change stay as they are: this is not a change of the case.
 */
@Injectable()
export class IssueStatusKeyUsecase {
  constructor(
    private readonly cases: CasesRepository,
    private readonly audit: AuditRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: IssueStatusKeyRequest): Promise<IssuedStatusKey> {
    return this.transactions.run(async (manager) => {
      const ticket = await this.cases.lock(manager, cmd.ticketId);
      if (!ticket || ticket.anonymizedAt) throw new TicketsException(TicketErrorCode.NOT_FOUND, `no case ${cmd.ticketId}`);
      const key = newStatusKey();
      await manager.update(Ticket, { id: ticket.id }, { statusKeyHash: hashStatusKey(key) });
      await this.audit.record(manager, { ticketId: ticket.id, subjectId: ticket.id, actor: cmd.actor, action: 'status-key.issued', at: this.clock.now() });
      return { ticketId: ticket.id, number: ticket.number, key };
    });
  }
}
