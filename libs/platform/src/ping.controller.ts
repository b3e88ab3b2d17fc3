import { Controller, Inject, Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PingReply, pingSubject, ServiceName } from '@d115/contracts';
import { READINESS_CHECKS, ReadinessCheck, runChecks } from '@d115/observability';
import { SERVICE_INFO, ServiceInfo } from './tokens';

/** Every service answers `d115.<service>.ping` with its name, version and readiness. */
export function createPingController(service: ServiceName): Type<unknown> {
  @Controller()
  class PingController {
    constructor(
      @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
      @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    ) {}

    @MessagePattern(pingSubject(service))
    async ping(): Promise<PingReply> {
      const { ready, checks } = await runChecks(this.checks);
      return {
        service: this.info.service,
        version: this.info.version,
        instance: this.info.instance,
        ready,
        checks,
        uptimeSeconds: Math.round((Date.now() - this.info.startedAt) / 1000),
      };
    }
  }
  return PingController;
}
