import { Controller, Get, Header, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { registry } from '../metrics/metrics';
import { READINESS_CHECKS, ReadinessCheck, runChecks } from './readiness';

/** Liveness, readiness and Prometheus metrics on the service's small ops port (the gateway's on its API port, documented there). */
@ApiTags('operations')
@Controller()
export class OpsController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('health/live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness of this process' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['up'] } } } })
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('health/ready')
  @ApiOperation({ summary: 'Readiness of this process (its NATS and database connections)' })
  @ApiOkResponse({ description: 'Ready' })
  @ApiServiceUnavailableResponse({ description: 'Not ready' })
  async ready(@Res() res: FastifyReply): Promise<void> {
    const result = await runChecks(this.checks);
    res.status(result.ready ? 200 : 503).send({ status: result.ready ? 'up' : 'down', checks: result.checks });
  }

  @Get('metrics')
  @ApiOperation({ summary: 'Prometheus metrics' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  @Header('Content-Type', registry.contentType)
  metrics(): Promise<string> {
    return registry.metrics();
  }
}
