import { TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { TestEnvironment } from '@d115/testing';
import { DemoGateway } from '../../apps/gateway/test/support/demo-gateway';
import { ticketsService } from '../../apps/tickets/src/main';

interface Operation {
  method: string;
  path: string;
  roles: string[];
}

const DEMO_ROLES: Record<string, string[]> = { 'demo-agent': ['agent'], 'demo-supervisor': ['supervisor', 'agent'], 'demo-admin': ['admin'] };

/** Path parameters that pass the gateway's own checks, so the request reaches the guard's decision and beyond. */
function fill(path: string, caseId: string): string {
  const values: Record<string, string> = {
    id: caseId,
    agentId: 'demo-agent',
    queueId: 'general',
    leikaKey: '99115001000000',
    sequence: '1',
    ticketNumber: '115-2026-000001',
    integration: 'cti-test',
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '0193a1b2-0000-7000-8000-0000000000ff');
}

/** Bodies that are valid for the case commands, so a refusal is the scope's and not the validation's. */
const CASE_BODIES: Record<string, unknown> = {
  'PATCH /api/v1/cases/{id}': { priority: 3 },
  'POST /api/v1/cases/{id}/notes': { text: 'Notiz' },
  'POST /api/v1/cases/{id}/replies': { text: 'Antwort', channel: 'callback' },
  'POST /api/v1/cases/{id}/transitions': { to: 'open' },
  'POST /api/v1/cases/{id}/forward': { authority: { name: 'Amt', email: 'amt@example.org' } },
};

/** Every route × role, generated from the OpenAPI document: 401 without a token, 403 with the wrong role, 404 outside the municipality. */
describe('gateway + tickets: every route against every role', () => {
  let env: TestEnvironment;
  let gateway: DemoGateway;
  let operations: Operation[];
  let tokens: Record<string, string>;
  let roleless: string;
  let rostockCase: string;
  let hamburgCase: string;

  beforeAll(async () => {
    env = await TestEnvironment.create(['tickets']);
    await env.start(ticketsService, { TICKETS_SCHEDULER_ENABLED: 'false' });
    gateway = await DemoGateway.start(env, { RATE_LIMIT_PER_IP: '100000' });
    const document = (await (await fetch(gateway.url('/docs-json'))).json()) as { paths: Record<string, Record<string, { 'x-roles'?: string[] }>> };
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path, roles: operation['x-roles'] ?? [] })),
    );
    tokens = Object.fromEntries(await Promise.all(Object.keys(DEMO_ROLES).map(async (id) => [id, await gateway.token(id as 'demo-agent')])));
    roleless = await gateway.tokenFor({ id: 'nobody', name: 'Nobody', roles: [], ars: [] });
    const client = new RequestClient(await env.nats(), env.namespace, 5000);
    rostockCase = (await client.request(TicketSubjects.create, { actor: 'system:test', channel: 'letter', subject: 'Rostock', ars: '130030000000' })).id;
    hamburgCase = (await client.request(TicketSubjects.create, { actor: 'system:test', channel: 'letter', subject: 'Hamburg', ars: '020000000000' })).id;
  });

  afterAll(async () => {
    await env.dispose();
    gateway.removeKey();
  });

  const send = (operation: Operation, token: string | undefined, caseId = rostockCase) =>
    fetch(gateway.url(fill(operation.path, caseId)), {
      method: operation.method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
      body:
        operation.method === 'GET' || operation.method === 'DELETE' ? undefined : JSON.stringify(CASE_BODIES[`${operation.method} ${operation.path}`] ?? {}),
    });
  const userRoutes = () => operations.filter((operation) => operation.roles.length > 0 && !operation.roles.includes('integration'));

  it('finds the user routes in the document', () => {
    expect(userRoutes().length).toBeGreaterThan(30);
  });

  it('answers every user route without a token with 401', async () => {
    const wrong: string[] = [];
    for (const operation of userRoutes()) if ((await send(operation, undefined)).status !== 401) wrong.push(`${operation.method} ${operation.path}`);
    expect(wrong).toEqual([]);
  });

  it('answers every user route with 403 for a user without its role', async () => {
    const wrong: string[] = [];
    for (const operation of userRoutes()) {
      const outsiders = Object.entries(DEMO_ROLES).filter(([, roles]) => !roles.some((role) => operation.roles.includes(role)));
      for (const token of [roleless, ...outsiders.map(([id]) => tokens[id])]) {
        const status = (await send(operation, token)).status;
        if (status !== 403) wrong.push(`${operation.method} ${operation.path}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets every user with the route’s role through (neither 401 nor 403)', async () => {
    const wrong: string[] = [];
    for (const operation of userRoutes()) {
      for (const [id, roles] of Object.entries(DEMO_ROLES).filter(([, roles]) => roles.some((role) => operation.roles.includes(role)))) {
        const status = (await send(operation, tokens[id])).status;
        if (status === 401 || status === 403) wrong.push(`${operation.method} ${operation.path} as ${id} (${roles.join(', ')}): ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers every case route with 404 for a case outside the user’s municipalities', async () => {
    const caseRoutes = userRoutes().filter((operation) => operation.path.startsWith('/api/v1/cases/{id}'));
    expect(caseRoutes.length).toBeGreaterThanOrEqual(7);
    const wrong: string[] = [];
    for (const operation of caseRoutes) {
      const [id] = Object.entries(DEMO_ROLES).find(([, roles]) => roles.some((role) => operation.roles.includes(role)))!;
      const status = (await send(operation, tokens[id], hamburgCase)).status;
      if (status !== 404) wrong.push(`${operation.method} ${operation.path}: ${status}`);
    }
    expect(wrong).toEqual([]);
  });
});
