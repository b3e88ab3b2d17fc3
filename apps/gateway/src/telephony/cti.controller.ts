import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CtiCallEvent } from '@d115/contracts';
import { IntegrationOnly } from '../auth/auth.decorators';
import { JsonBody } from '../http/contract-params';
import { PublishCtiEventUsecase } from './publish-cti-event.usecase';

/** The generic CTI webhook (`newCall` / `answer` / `hangup`), called by a telephone system with its integration token. */
@ApiTags('telephony')
@Controller('api/v1/cti')
export class CtiController {
  constructor(private readonly publish: PublishCtiEventUsecase) {}

  @Post(':integration')
  @IntegrationOnly('integration')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'A call event of the telephone system; validated and queued for the telephony service (202)' })
  @ApiParam({ name: 'integration', description: 'The integration the token was issued for' })
  @ApiAcceptedResponse({
    schema: { type: 'object', properties: { accepted: { type: 'boolean', enum: [true] }, id: { type: 'string' } }, required: ['accepted', 'id'] },
  })
  event(@Param('integration') integration: string, @JsonBody(CtiCallEvent) body: CtiCallEvent) {
    return this.publish.execute(integration, body);
  }
}
