import { Inject, Injectable } from '@nestjs/common';
import { D115Error, PingReply, pingSubject, SERVICE_NAMES, ServiceName } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { ENV } from '@d115/platform';
import { GatewayEnv } from '../../../config/gateway.env';

export interface ServiceHealth {
  service: ServiceName;
  status: 'up' | 'down';
  version?: string;
  instance?: string;
  checks?: PingReply['checks'];
  error?: { code: string; message: string };
}

export interface SystemHealth {
  status: 'up' | 'down';
  services: ServiceHealth[];
}

/** Asks every service, in parallel and with a deadline, whether it is ready. */
@Injectable()
export class GetSystemHealthUsecase {
  constructor(
    private readonly requests: RequestClient,
    @Inject(ENV) private readonly env: GatewayEnv,
  ) {}

  async execute(): Promise<SystemHealth> {
    const services = await Promise.all(SERVICE_NAMES.map((service) => this.probe(service)));
    return { status: services.every((s) => s.status === 'up') ? 'up' : 'down', services };
  }

  private async probe(service: ServiceName): Promise<ServiceHealth> {
    try {
      const reply = await this.requests.request(pingSubject(service), {}, { timeoutMs: this.env.HEALTH_TIMEOUT_MS });
      return { service, status: reply.ready ? 'up' : 'down', version: reply.version, instance: reply.instance, checks: reply.checks };
    } catch (error) {
      const failure = error instanceof D115Error ? error : new D115Error('INTERNAL', String(error));
      return { service, status: 'down', error: { code: failure.code, message: failure.message } };
    }
  }
}
