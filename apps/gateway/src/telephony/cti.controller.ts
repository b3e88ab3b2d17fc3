import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CTI_UNUSED_FIELDS, CtiCallEvent } from '@d115/contracts';
import { IntegrationOnly } from '../auth/auth.decorators';
import { JsonBody } from '../http/contract-params';
import { PublishCtiEventUsecase } from './publish-cti-event.usecase';

/**
 * The generic CTI webhook (`newCall` / `answer` / `hangup`), called by a telephone system with
 * its integration token. Telephone systems post JSON or forms (sipgate, Zammad's convention:
 * `user[]=…`); both become the same event, validated against `CtiCallEvent`.
 */
@ApiTags('telephony')
@Controller('api/v1/cti')
export class CtiController {
  constructor(private readonly publish: PublishCtiEventUsecase) {}

  @Post(':integration')
  @IntegrationOnly('integration')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'A call event of the telephone system; validated and queued for the telephony service (202)',
    description:
      'JSON, or the same fields as a form (`application/x-www-form-urlencoded` or `multipart/form-data`, lists as `user[]`). ' +
      `Fields of the convention d115 does not use (${CTI_UNUSED_FIELDS.map((field) => `\`${field}\``).join(', ')}) are accepted and dropped.`,
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded', 'multipart/form-data')
  @ApiParam({ name: 'integration', description: 'The integration the token was issued for' })
  @ApiAcceptedResponse({
    schema: { type: 'object', properties: { accepted: { type: 'boolean', enum: [true] }, id: { type: 'string' } }, required: ['accepted', 'id'] },
  })
  event(@Param('integration') integration: string, @JsonBody(CtiCallEvent, [], CTI_UNUSED_FIELDS) body: CtiCallEvent) {
    return this.publish.execute(integration, body);
  }
}
