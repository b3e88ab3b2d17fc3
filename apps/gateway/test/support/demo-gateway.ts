import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningService } from '@d115/platform';
import { afterAll, beforeAll } from '@jest/globals';
import { StatefulServiceName } from '@d115/contracts';
import { TestEnvironment } from '@d115/testing';
import { DemoSigningKey } from '../../src/auth/demo-signing-key';
import { DemoUser } from '../../src/auth/demo-users';
import { GatewayEnv } from '../../src/config/gateway.env';
import { gatewayService } from '../../src/main';

/** A gateway in the embedded default (demo users, a key in a temporary folder), with tokens by demo login. */
export class DemoGateway {
  private constructor(
    readonly running: RunningService<GatewayEnv>,
    private readonly keyDir: string,
  ) {}

  static async start(env: TestEnvironment, overrides: Record<string, string> = {}): Promise<DemoGateway> {
    const keyDir = mkdtempSync(join(tmpdir(), 'd115-gw-'));
    const running = await env.start(gatewayService, { AUTH_DEMO_KEY_FILE: join(keyDir, 'key.json'), ...overrides });
    return new DemoGateway(running, keyDir);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.running.port}${path}`;
  }

  async token(userId: 'demo-agent' | 'demo-supervisor' | 'demo-admin'): Promise<string> {
    const response = await fetch(this.url('/api/v1/auth/demo-login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    if (response.status !== 200) throw new Error(`demo login: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  /** A request as the user, JSON in and out. */
  async call(
    token: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; body: any }> {
    const response = await fetch(this.url(path), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  /** A token of any user (e.g. one without roles), signed with the gateway's demo key. */
  async tokenFor(user: DemoUser): Promise<string> {
    const key = await DemoSigningKey.load(join(this.keyDir, 'key.json'));
    return key.sign(user, 'd115', 600);
  }

  removeKey(): void {
    rmSync(this.keyDir, { recursive: true, force: true });
  }
}

/**
 * A test file's gateway in the embedded default, started before its tests (after
 * `before`, e.g. the services behind it) and disposed after them.
 */
export function useDemoGateway(
  options: { overrides?: Record<string, string>; services?: StatefulServiceName[]; before?: (env: TestEnvironment) => Promise<unknown> } = {},
): { env: TestEnvironment; gateway: DemoGateway } {
  const world = {} as { env: TestEnvironment; gateway: DemoGateway };
  beforeAll(async () => {
    world.env = await TestEnvironment.create(options.services ?? []);
    await options.before?.(world.env);
    world.gateway = await DemoGateway.start(world.env, options.overrides);
  });
  afterAll(async () => {
    await world.env.dispose();
    world.gateway.removeKey();
  });
  return world;
}
