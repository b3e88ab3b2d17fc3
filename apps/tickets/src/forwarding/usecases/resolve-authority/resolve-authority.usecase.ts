import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { D115Error, ErrorCode, FindResponsibleAuthorityRequest, ForwardTicketRequest, KnowledgeSubjects, TicketErrorCode } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { childLogger } from '@d115/observability';
import { ENV } from '@d115/platform';
import { Ticket } from '../../../cases/entities/ticket.entity';
import { TicketsEnv } from '../../../config/tickets.env';
import { TicketsException } from '../../../shared/tickets.exception';
import { ForwardingRepository } from '../../forwarding.repository';

export interface ChosenAuthority {
  name: string;
  email: string;
  /** Who chose: the agent, the knowledge service (Zuständigkeitsfinder), or the routing rule. */
  source: 'agent' | 'knowledge' | 'rule';
}

/**
 * The authority a case goes to: the one the agent names; else the knowledge
 * service's answer for the case's LeiKa key and region; else the routing
 * rule's. The knowledge service may be absent or slow — that only means
 * falling back, never failing the forward.
 */
@Injectable()
export class ResolveAuthorityUsecase {
  private readonly logger = childLogger('forwarding');

  constructor(
    private readonly authorities: ForwardingRepository,
    private readonly requests: RequestClient,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  async execute(manager: EntityManager, ticket: Ticket, cmd: Pick<ForwardTicketRequest, 'authorityId' | 'authority'>): Promise<ChosenAuthority> {
    if (cmd.authorityId) {
      const chosen = await this.authorities.find(manager, cmd.authorityId);
      if (!chosen) throw new TicketsException(TicketErrorCode.AUTHORITY_NOT_FOUND, `authority ${cmd.authorityId} does not exist`);
      return { name: chosen.name, email: chosen.email, source: 'agent' };
    }
    if (cmd.authority) return { ...cmd.authority, source: 'agent' };
    const known = await this.askKnowledge(ticket);
    if (known) return known;
    const ruled = ticket.suggestedAuthorityId ? await this.authorities.find(manager, ticket.suggestedAuthorityId) : null;
    if (ruled) return { name: ruled.name, email: ruled.email, source: 'rule' };
    throw new TicketsException(
      TicketErrorCode.AUTHORITY_UNKNOWN,
      `${ticket.number}: no authority given, none found for LeiKa ${ticket.leikaKey ?? '-'} in ${ticket.ars ?? '-'}, and no routing rule names one`,
    );
  }

  private async askKnowledge(ticket: Ticket): Promise<ChosenAuthority | undefined> {
    if (!ticket.leikaKey || !ticket.ars) return undefined;
    const question: FindResponsibleAuthorityRequest = { leikaKey: ticket.leikaKey, ars: ticket.ars };
    try {
      const reply = await this.requests.request(KnowledgeSubjects.findResponsibleAuthority, question, {
        timeoutMs: this.env.TICKETS_KNOWLEDGE_TIMEOUT_MS,
      });
      const withEmail = reply?.authorities?.find((authority) => !!authority.email);
      return withEmail ? { name: withEmail.name, email: withEmail.email!, source: 'knowledge' } : undefined;
    } catch (error) {
      const code = error instanceof D115Error ? error.code : ErrorCode.INTERNAL;
      this.logger.warn({ code, ticket: ticket.number }, 'knowledge service did not name an authority; falling back');
      return undefined;
    }
  }
}
