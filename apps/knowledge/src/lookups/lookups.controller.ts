import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FindResponsibleAuthorityReply, FindResponsibleAuthorityRequest, GetServiceReply, GetServiceRequest, KnowledgeSubjects } from '@d115/contracts';
import { FindResponsibleAuthorityUsecase } from './usecases/find-responsible-authority/find-responsible-authority.usecase';
import { GetServiceUsecase } from './usecases/get-service/get-service.usecase';

@Controller()
export class LookupsController {
  constructor(
    private readonly getService: GetServiceUsecase,
    private readonly findResponsibleAuthority: FindResponsibleAuthorityUsecase,
  ) {}

  @MessagePattern(KnowledgeSubjects.getService)
  service(@Payload() query: GetServiceRequest): Promise<GetServiceReply> {
    return this.getService.execute(query);
  }

  @MessagePattern(KnowledgeSubjects.findResponsibleAuthority)
  responsible(@Payload() query: FindResponsibleAuthorityRequest): Promise<FindResponsibleAuthorityReply> {
    return this.findResponsibleAuthority.execute(query);
  }
}
