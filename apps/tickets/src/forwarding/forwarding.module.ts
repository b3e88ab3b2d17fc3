import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { TimelineModule } from '../timeline/timeline.module';
import { ForwardingController } from './forwarding.controller';
import { ForwardingRepository } from './forwarding.repository';
import { ForwardTicketUsecase } from './usecases/forward-ticket/forward-ticket.usecase';
import { ListAuthoritiesUsecase } from './usecases/list-authorities/list-authorities.usecase';
import { ResolveAuthorityUsecase } from './usecases/resolve-authority/resolve-authority.usecase';
import { UpsertAuthorityUsecase } from './usecases/upsert-authority/upsert-authority.usecase';

@Module({
  imports: [AuditModule, CasesModule, TimelineModule],
  controllers: [ForwardingController],
  providers: [ForwardingRepository, ResolveAuthorityUsecase, ForwardTicketUsecase, UpsertAuthorityUsecase, ListAuthoritiesUsecase],
})
export class ForwardingModule {}
