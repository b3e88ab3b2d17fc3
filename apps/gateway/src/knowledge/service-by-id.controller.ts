import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GetServiceRequest, KnowledgeSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { Roles } from '../auth/auth.decorators';
import { JsonQuery } from '../http/contract-params';
import { UuidParam } from '../http/path-params';
import { Forwards } from '../http/reply.decorator';

/**
 * A service description by the catalogue's own id — what a search hit names — for the
 * services that have no LeiKa key (local services of a municipality's catalogue).
 */
@ApiTags('knowledge')
@Controller('api/v1/knowledge/services/by-id')
@Roles('agent', 'supervisor', 'admin')
export class ServiceByIdController {
  constructor(private readonly requests: RequestClient) {}

  @Get(':serviceId')
  @Forwards(KnowledgeSubjects.getService, {
    summary: 'A service description by its catalogue id (a search hit’s `serviceId`), with the office responsible for `ars`',
  })
  service(
    @UuidParam('serviceId') serviceId: string,
    @JsonQuery(GetServiceRequest, ['leikaKey', 'serviceId']) query: Omit<GetServiceRequest, 'leikaKey' | 'serviceId'>,
  ) {
    return this.requests.request(KnowledgeSubjects.getService, { ...query, serviceId });
  }
}
