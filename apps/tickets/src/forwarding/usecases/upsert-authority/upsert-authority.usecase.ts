import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AuthorityView, TicketErrorCode, UpsertAuthorityRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { AuditRepository } from '../../../audit/audit.repository';
import { TicketsException } from '../../../shared/tickets.exception';
import { toAuthorityView } from '../../authority.mapper';
import { Authority } from '../../entities/authority.entity';
import { ForwardingRepository } from '../../forwarding.repository';

@Injectable()
export class UpsertAuthorityUsecase {
  constructor(
    private readonly authorities: ForwardingRepository,
    private readonly audit: AuditRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: UpsertAuthorityRequest): Promise<AuthorityView> {
    const at = this.clock.now();
    return this.transactions.run(async (manager) => {
      const before = cmd.authorityId ? await this.authorities.find(manager, cmd.authorityId) : null;
      if (cmd.authorityId && !before) throw new TicketsException(TicketErrorCode.AUTHORITY_NOT_FOUND, `authority ${cmd.authorityId} does not exist`);
      const authority: Authority = {
        id: before?.id ?? uuidv7(),
        name: cmd.name,
        email: cmd.email,
        ars: cmd.ars ?? null,
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
      };
      await this.authorities.save(manager, authority, !!before);
      await this.audit.record(manager, {
        subjectType: 'authority',
        subjectId: authority.id,
        actor: cmd.actor,
        action: before ? 'updated' : 'created',
        oldValue: before && toAuthorityView(before),
        newValue: toAuthorityView(authority),
        at,
      });
      return toAuthorityView(authority);
    });
  }
}
