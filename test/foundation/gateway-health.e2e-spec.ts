import { gatewayService } from '../../apps/gateway/src/main';
import { appointmentsService } from '../../apps/appointments/src/main';
import { knowledgeService } from '../../apps/knowledge/src/main';
import { mailService } from '../../apps/mail/src/main';
import { telephonyService } from '../../apps/telephony/src/main';
import { ticketsService } from '../../apps/tickets/src/main';
import { BaseEnv, RunningService } from '@d115/platform';
import { TestEnvironment, waitFor } from '@d115/testing';
import type { SystemHealth } from '../../apps/gateway/src/health/usecases/get-system-health/get-system-health.usecase';

/** The gateway's view of the whole system: all six services, over NATS, with their readiness. */
describe('gateway /health', () => {
  let env: TestEnvironment;
  let gateway: RunningService<BaseEnv>;
  let mail: RunningService<BaseEnv>;
  const url = (path: string) => `http://127.0.0.1:${gateway.port}${path}`;

  beforeAll(async () => {
    env = await TestEnvironment.create(['telephony', 'mail', 'tickets', 'knowledge', 'appointments']);
    gateway = (await env.start(gatewayService)) as unknown as RunningService<BaseEnv>;
    await env.start(telephonyService);
    mail = (await env.start(mailService, { SMTP_PORT: '0' })) as unknown as RunningService<BaseEnv>;
    await env.start(ticketsService);
    await env.start(knowledgeService);
    await env.start(appointmentsService);
  });

  afterAll(() => env.dispose());

  it('answers 200 naming all six services as up when every one is ready', async () => {
    const response = await fetch(url('/health'));
    const body = (await response.json()) as SystemHealth;
    expect(response.status).toBe(200);
    expect(body.status).toBe('up');
    expect(body.services.map((s) => `${s.service}:${s.status}`)).toEqual([
      'gateway:up',
      'telephony:up',
      'mail:up',
      'tickets:up',
      'knowledge:up',
      'appointments:up',
    ]);
    expect(body.services[3]).toMatchObject({ version: expect.any(String), checks: { database: 'up', nats: 'up' } });
  });

  it('serves the OpenAPI document', async () => {
    const response = await fetch(url('/docs-json'));
    expect(response.status).toBe(200);
    const document = (await response.json()) as { info: { title: string }; paths: Record<string, unknown> };
    expect(document.info.title).toBe('d115 API');
    expect(Object.keys(document.paths)).toContain('/health');
    expect((await fetch(url('/docs'))).status).toBe(200);
  });

  it('answers 503 and names the service that is down', async () => {
    await env.stop(mail);
    const body = await waitFor(async () => {
      const response = await fetch(url('/health'));
      return response.status === 503 ? ((await response.json()) as SystemHealth) : undefined;
    }, 'gateway to report the stopped service');
    const down = body.services.filter((s) => s.status === 'down');
    expect(down).toEqual([{ service: 'mail', status: 'down', error: { code: 'SERVICE.UNAVAILABLE', message: expect.stringContaining('d115.mail.ping') } }]);
  });

  it('exposes Prometheus metrics and liveness on its own port', async () => {
    expect((await fetch(url('/health/live'))).status).toBe(200);
    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toContain('d115_rpc_server_seconds');
    expect(metrics).toContain('process_resident_memory_bytes');
  });
});
