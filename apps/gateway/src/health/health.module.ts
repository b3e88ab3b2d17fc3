import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { GetSystemHealthUsecase } from './usecases/get-system-health/get-system-health.usecase';

@Module({
  controllers: [HealthController],
  providers: [GetSystemHealthUsecase],
})
export class HealthModule {}
