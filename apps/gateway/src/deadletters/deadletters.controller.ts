import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadLetterStore } from '@d115/messaging';
import { Roles } from '../auth/auth.decorators';
import { schemaRef } from '../docs/contract-schemas';
import { JsonQuery } from '../http/contract-params';
import { PatternParam } from '../http/path-params';
import { ListDeadLettersQuery } from '@d115/contracts';

/** What consumers gave up on (the dead-letter stream), and sending one back once its cause is fixed. */
@ApiTags('operations')
@Controller('api/v1/ops/dead-letters')
@Roles('admin')
export class DeadLettersController {
  constructor(private readonly store: DeadLetterStore) {}

  @Get()
  @ApiOperation({ summary: 'Dead letters, oldest first' })
  @ApiOkResponse({ schema: { type: 'array', items: schemaRef('DeadLetterView') } })
  list(@JsonQuery(ListDeadLettersQuery) query: ListDeadLettersQuery) {
    return this.store.list(query.limit);
  }

  @Post(':sequence/replay')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Publish a dead letter again on its subject and remove it' })
  @ApiOkResponse({ schema: schemaRef('DeadLetterView') })
  replay(@PatternParam('sequence', /^[1-9]\d{0,15}$/, 'the sequence number of the dead letter') sequence: string) {
    return this.store.replay(Number(sequence));
  }
}
