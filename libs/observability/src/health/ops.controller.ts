import { Controller, Get, Header, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { registry } from '../metrics/metrics';
import { READINESS_CHECKS, ReadinessCheck, runChecks } from './readiness';

/** Liveness, readiness and Prometheus metrics on the service's small ops port. */
@ApiExcludeController()
@Controller()
export class OpsController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('health/live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('health/ready')
  async ready(@Res() res: Response): Promise<void> {
    const result = await runChecks(this.checks);
    res.status(result.ready ? 200 : 503).json({ status: result.ready ? 'up' : 'down', checks: result.checks });
  }

  @Get('metrics')
  @Header('Content-Type', registry.contentType)
  metrics(): Promise<string> {
    return registry.metrics();
  }
}
