import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GetSystemHealthUsecase } from './usecases/get-system-health/get-system-health.usecase';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly getSystemHealth: GetSystemHealthUsecase) {}

  @Get()
  @ApiOperation({ summary: 'Readiness of all six services (200 only when every one is ready)' })
  @ApiOkResponse({ description: 'All services ready' })
  @ApiServiceUnavailableResponse({ description: 'At least one service is down or not ready' })
  async health(@Res() res: FastifyReply): Promise<void> {
    const health = await this.getSystemHealth.execute();
    res.status(health.status === 'up' ? 200 : 503).send(health);
  }
}
