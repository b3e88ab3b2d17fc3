import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, readVersion } from '@d115/platform';
import { GatewayEnv } from './config/gateway.env';
import { ConsoleModule } from './console/console.module';
import { HealthModule } from './health/health.module';

@Module({})
export class AppModule {
  static register(env: GatewayEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forService({ service: 'gateway', version: readVersion(), env }), HealthModule, ConsoleModule],
    };
  }
}
