import { routesOf } from '../src/http/http-setup';
import { useDemoGateway } from './support/demo-gateway';

/** The OpenAPI document is generated from the code and covers every route the app serves. */
describe('gateway OpenAPI document', () => {
  const world = useDemoGateway();
  let document: {
    openapi: string;
    paths: Record<string, Record<string, any>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };

  beforeAll(async () => {
    document = (await (await fetch(world.gateway.url('/docs-json'))).json()) as typeof document;
  });

  it('is OpenAPI 3.1 with the security schemes and the problem schema', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['bearer', 'integrationBasic', 'integrationQuery', 'integrationToken']);
    expect(document.components.schemas.Problem).toBeDefined();
  });

  it('documents every route the app serves', () => {
    const served = routesOf(world.gateway.running.app)
      // HEAD comes with every GET, OPTIONS * answers CORS preflights
      .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS' && !route.url.startsWith('/docs'))
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(served.length).toBeGreaterThan(30);
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('gives every API operation its roles, a success schema and problem responses', () => {
    for (const [path, item] of Object.entries(document.paths).filter(([path]) => path.startsWith('/api/'))) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect([where, Array.isArray(operation['x-roles'])]).toEqual([where, true]);
        const success = Object.entries(operation.responses as Record<string, any>).find(([status]) => Number(status) < 300);
        const content = Object.values((success?.[1].content ?? {}) as Record<string, { schema?: unknown }>);
        expect([where, content.length > 0 && content.every((media) => Boolean(media.schema))]).toEqual([where, true]);
        expect([where, operation.responses['503'].content['application/problem+json'].schema]).toEqual([where, { $ref: '#/components/schemas/Problem' }]);
      }
    }
  });

  it('resolves every schema reference', () => {
    const text = JSON.stringify(document);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(50);
    expect([...new Set(refs)].filter((name) => !(name in document.components.schemas))).toEqual([]);
  });
});
