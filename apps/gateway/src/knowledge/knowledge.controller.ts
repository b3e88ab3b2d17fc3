import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FindResponsibleAuthorityRequest, GetServiceRequest, KnowledgeSubjects, LEIKA_KEY } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { Roles } from '../auth/auth.decorators';
import { JsonQuery } from '../http/contract-params';
import { PatternParam } from '../http/path-params';
import { Forwards } from '../http/reply.decorator';

/** The service catalogue and responsibilities (`d115.knowledge.*`). */
@ApiTags('knowledge')
@Controller('api/v1/knowledge')
@Roles('agent', 'supervisor', 'admin')
export class KnowledgeController {
  constructor(private readonly requests: RequestClient) {}

  @Get('services/:leikaKey')
  @Forwards(KnowledgeSubjects.getService, { summary: 'A service description (Leistung) by LeiKa key, with the office responsible for `ars`' })
  service(
    @PatternParam('leikaKey', LEIKA_KEY, 'a LeiKa service key (14 digits)') leikaKey: string,
    @JsonQuery(GetServiceRequest, ['leikaKey', 'serviceId']) query: Omit<GetServiceRequest, 'leikaKey' | 'serviceId'>,
  ) {
    return this.requests.request(KnowledgeSubjects.getService, { ...query, leikaKey });
  }

  @Get('responsible-authorities')
  @Forwards(KnowledgeSubjects.findResponsibleAuthority, { summary: 'Who is responsible (Zuständigkeit) for a Leistung in a region' })
  responsible(@JsonQuery(FindResponsibleAuthorityRequest) query: FindResponsibleAuthorityRequest) {
    return this.requests.request(KnowledgeSubjects.findResponsibleAuthority, query);
  }
}
