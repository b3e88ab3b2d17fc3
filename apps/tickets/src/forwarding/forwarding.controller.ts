import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ForwardTicketRequest, ListRequest, ReplyOf, TicketSubjects, UpsertAuthorityRequest } from '@d115/contracts';
import { ForwardTicketUsecase } from './usecases/forward-ticket/forward-ticket.usecase';
import { ListAuthoritiesUsecase } from './usecases/list-authorities/list-authorities.usecase';
import { UpsertAuthorityUsecase } from './usecases/upsert-authority/upsert-authority.usecase';

@Controller()
export class ForwardingController {
  constructor(
    private readonly forwardTicket: ForwardTicketUsecase,
    private readonly upsertAuthority: UpsertAuthorityUsecase,
    private readonly listAuthorities: ListAuthoritiesUsecase,
  ) {}

  @MessagePattern(TicketSubjects.forward)
  forward(@Payload() cmd: ForwardTicketRequest): Promise<ReplyOf<typeof TicketSubjects.forward>> {
    return this.forwardTicket.execute(cmd);
  }

  @MessagePattern(TicketSubjects.authorityUpsert)
  upsert(@Payload() cmd: UpsertAuthorityRequest): Promise<ReplyOf<typeof TicketSubjects.authorityUpsert>> {
    return this.upsertAuthority.execute(cmd);
  }

  @MessagePattern(TicketSubjects.authorityList)
  list(@Payload() _query: ListRequest): Promise<ReplyOf<typeof TicketSubjects.authorityList>> {
    return this.listAuthorities.execute();
  }
}
