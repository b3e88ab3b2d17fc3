import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { SERVICE_NAMES, ServiceName, STATEFUL_SERVICES } from '@d115/contracts';
import { BaseEnv, validateEnv } from '@d115/platform';
import { databaseLayout } from '../../scripts/provisioning';

/**
 * The deployment files against the code they deploy: docker-compose.yml,
 * deploy/Dockerfile and deploy/k8s/ must start every service with the
 * variables its env class requires (read from the class-validator metadata, so
 * a new required variable fails here until the deployment sets it), with
 * health checks on the port the service really listens on.
 */

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

type Env = Record<string, string>;
type EnvClass = new () => BaseEnv;

const healthcheck = require('../../deploy/healthcheck.js') as {
  DEFAULT_PORTS: Record<string, number>;
  healthcheckTarget(env: Env): { port: number; path: string } | null;
};

// ---- the env classes of the apps ---------------------------------------------------

/** The env class each app validates at start: the one exported from apps/<app>/src/config. */
function envClassOf(service: ServiceName): EnvClass {
  const dir = join(root, 'apps', service, 'src', 'config');
  const classes = readdirSync(dir)
    .filter((file) => file.endsWith('.env.ts'))
    .flatMap((file) => Object.values(require(join(dir, file)) as Record<string, unknown>))
    .filter((value): value is EnvClass => typeof value === 'function' && value.prototype instanceof BaseEnv);
  // Partial env classes (an adapter's variables) are extended by the app's one: take the most derived.
  const leaves = classes.filter((env) => !classes.some((other) => other.prototype instanceof env));
  expect(leaves).toHaveLength(1);
  return leaves[0];
}

function validatedProperties(cls: EnvClass) {
  return getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
}

/** Variables without a default that are not @IsOptional: the service does not start without them. */
function requiredVariables(cls: EnvClass): string[] {
  const metadata = validatedProperties(cls);
  const optional = new Set(metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName));
  const defaults = new cls() as unknown as Record<string, unknown>;
  return [...new Set(metadata.map((m) => m.propertyName))].filter((name) => !optional.has(name) && defaults[name] === undefined).sort();
}

/** The port the service's HTTP server (health, metrics; the API on the gateway) listens on. */
function listeningPort(service: ServiceName, env: Env): number {
  const validated = validateEnv(envClassOf(service), env) as unknown as Record<string, number>;
  return service === 'gateway' ? validated.GATEWAY_PORT : validated.OPS_PORT;
}

/** Variables a deployment sets that the service does not know: typos. */
function unknownVariables(service: ServiceName, env: Env): string[] {
  const known = new Set(validatedProperties(envClassOf(service)).map((m) => m.propertyName));
  return Object.keys(env).filter((name) => !known.has(name));
}

describe('the env classes', () => {
  it('yield the variables without which a service does not start', () => {
    // Guards the derivation below against silently finding nothing.
    expect(requiredVariables(envClassOf('gateway'))).toContain('NATS_URL');
    for (const service of STATEFUL_SERVICES) expect(requiredVariables(envClassOf(service))).toEqual(expect.arrayContaining(['DATABASE_URL', 'NATS_URL']));
  });

  it.each(SERVICE_NAMES)('%s: deploy/healthcheck.js defaults to the port the service listens on by default', (service) => {
    const defaults = new (envClassOf(service))() as unknown as Record<string, number>;
    expect(healthcheck.DEFAULT_PORTS[service]).toBe(service === 'gateway' ? defaults.GATEWAY_PORT : defaults.OPS_PORT);
    expect(healthcheck.healthcheckTarget({ D115_SERVICE: service })).toEqual({ port: healthcheck.DEFAULT_PORTS[service], path: '/health/ready' });
  });
});

// ---- docker-compose.yml -------------------------------------------------------------

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string[] | string;
  environment?: Record<string, unknown> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition?: string }> | string[];
  restart?: string;
  ports?: (string | { target: number; published?: string | number })[];
  volumes?: (string | { source?: string; target: string })[];
  stop_grace_period?: string;
}

/** Compose interpolation as a fresh checkout without a .env file sees it: every ${VAR:-default} takes its default. */
function interpolate(value: string): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, braced, operator, argument) => {
    if (match === '$$') return '$';
    if (operator === ':-' || operator === '-') return argument;
    throw new Error(`${match} has no default: a fresh checkout cannot run without setting ${braced ?? match}`);
  });
}

function environmentOf(service: ComposeService): Env {
  const entries = Array.isArray(service.environment)
    ? service.environment.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    : Object.entries(service.environment ?? {}).map(([key, value]) => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(value)]));
}

function dependenciesOf(service: ComposeService): Record<string, string> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, spec]) => [name, spec?.condition ?? 'service_started']));
}

function seconds(duration: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  expect(parts.map((part) => part[0]).join('')).toBe(duration);
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * units[unit], 0);
}

function commandLine(command: string[] | string | undefined): string {
  return Array.isArray(command) ? command.join(' ') : (command ?? '');
}

function publishedPorts(service: ComposeService): number[] {
  return (service.ports ?? []).map((port) => (typeof port === 'string' ? Number(port.split(':').pop()!.split('/')[0]) : port.target));
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };
  const services = compose.services;

  it('runs Postgres with a pg_isready health check', () => {
    expect(services.postgres?.image).toMatch(/^postgres:1[5-7]\b/);
    expect(commandLine(services.postgres.healthcheck?.test)).toMatch(/\bpg_isready\b/);
  });

  it('runs NATS with JetStream on a volume, healthy only with JetStream enabled', () => {
    const nats = services.nats;
    expect(nats?.image).toMatch(/^nats:2\.(1\d|[2-9]\d)/);
    const command = commandLine(nats.command);
    expect(command).toMatch(/(^|\s)(-js|--jetstream)(\s|$)/);
    const storeDir = /(?:-sd|--store_dir)\s+(\S+)/.exec(command)?.[1];
    expect(storeDir).toBeDefined();
    const mounts = (nats.volumes ?? []).map((volume) => (typeof volume === 'string' ? volume.split(':')[1] : volume.target));
    expect(mounts).toContain(storeDir);
    expect(command).toMatch(/(?:-m|--http_port)\s+8222\b/);
    expect(commandLine(nats.healthcheck?.test)).toContain(':8222/healthz?js-enabled-only=true');
  });

  it('provisions and migrates the database in a one-shot service once Postgres is healthy', () => {
    const migrate = services.migrate;
    expect(migrate?.build?.dockerfile).toBe('deploy/Dockerfile');
    expect(migrate.command === 'migrate' || migrate.build?.args?.SERVICE === 'migrate').toBe(true);
    expect(commandLine(migrate.command)).toMatch(/^(migrate)?$/);
    expect(migrate.restart ?? 'no').toBe('no');
    expect(dependenciesOf(migrate)).toEqual({ postgres: 'service_healthy' });
    const adminUrl = new URL(environmentOf(migrate).DATABASE_ADMIN_URL);
    expect(adminUrl.hostname).toBe('postgres');
    expect(decodeURIComponent(adminUrl.password)).toBe(environmentOf(services.postgres).POSTGRES_PASSWORD);
  });

  describe.each(SERVICE_NAMES)('%s', (service) => {
    const app = services[service];
    const env = app ? environmentOf(app) : {};

    it('is built from deploy/Dockerfile for this service', () => {
      expect(app).toBeDefined();
      expect(app.build?.context ?? '.').toBe('.');
      expect(app.build?.dockerfile).toBe('deploy/Dockerfile');
      expect(existsSync(join(root, 'deploy/Dockerfile'))).toBe(true);
      expect(app.build?.args?.SERVICE).toBe(service);
      expect(app.command).toBeUndefined();
    });

    it('sets every variable its env class requires, with values it accepts', () => {
      const required = requiredVariables(envClassOf(service));
      expect(required.filter((name) => !env[name])).toEqual([]);
      expect(() => validateEnv(envClassOf(service), env)).not.toThrow();
      expect(unknownVariables(service, env)).toEqual([]);
      expect(new URL(env.NATS_URL).host).toBe('nats:4222');
    });

    it('has a health check on the port the service listens on, and restarts', () => {
      expect(app.healthcheck?.disable).not.toBe(true);
      expect(commandLine(app.healthcheck?.test)).toContain('/app/deploy/healthcheck.js');
      expect(healthcheck.healthcheckTarget({ ...env, D115_SERVICE: service })?.port).toBe(listeningPort(service, env));
      expect(['always', 'unless-stopped', 'on-failure']).toContain(app.restart?.replace(/:\d+$/, ''));
    });

    it('gives a graceful shutdown the time SHUTDOWN_TIMEOUT_MS allows', () => {
      const shutdownMs = (validateEnv(envClassOf(service), env) as BaseEnv).SHUTDOWN_TIMEOUT_MS;
      expect(seconds(app.stop_grace_period ?? '10s') * 1000).toBeGreaterThan(shutdownMs);
    });

    it('starts once what it needs is ready', () => {
      const needs: Record<string, string> = (STATEFUL_SERVICES as readonly string[]).includes(service)
        ? { postgres: 'service_healthy', nats: 'service_healthy', migrate: 'service_completed_successfully' }
        : { nats: 'service_healthy' };
      expect(dependenciesOf(app)).toEqual(expect.objectContaining(needs));
    });
  });

  it.each(STATEFUL_SERVICES)('%s connects as the role and with the password the migrate service provisions', (service) => {
    const migrateEnv = environmentOf(services.migrate);
    const layout = databaseLayout(migrateEnv, migrateEnv.DATABASE_ADMIN_URL);
    const expected = new URL(layout.services[service].url);
    const actual = new URL(environmentOf(services[service]).DATABASE_URL);
    expect({ user: actual.username, password: actual.password, host: actual.host, database: actual.pathname }).toEqual({
      user: expected.username,
      password: expected.password,
      host: expected.host,
      database: expected.pathname,
    });
  });

  it('starts the gateway in production mode (NODE_ENV=production, as the image sets it)', () => {
    expect(() => validateEnv(envClassOf('gateway'), { ...environmentOf(services.gateway), NODE_ENV: 'production' })).not.toThrow();
  });

  it('publishes the gateway API and the mail SMTP listener', () => {
    expect(publishedPorts(services.gateway)).toEqual([listeningPort('gateway', environmentOf(services.gateway))]);
    expect(publishedPorts(services.mail)).toEqual([Number(environmentOf(services.mail).SMTP_PORT ?? 2525)]);
  });
});

// ---- deploy/Dockerfile ----------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions of a Dockerfile, continuation lines joined, comments dropped. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\r?\n(\s*#.*\r?\n)*/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

describe('deploy/Dockerfile', () => {
  const all = instructions(read('deploy/Dockerfile'));
  const runtime = all.slice(all.map((i) => i.keyword).lastIndexOf('FROM'));
  const args = (keyword: string) => runtime.filter((i) => i.keyword === keyword).map((i) => i.args);

  it('runs the final stage as a non-root user', () => {
    const user = args('USER').pop();
    expect(user).toBeDefined();
    expect(user!.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('has a HEALTHCHECK with node, runs under tini and in production mode', () => {
    expect(args('HEALTHCHECK').pop()).toMatch(/CMD \["node", "\/app\/deploy\/healthcheck\.js"\]/);
    expect(args('ENTRYPOINT').pop()).toMatch(/^\["\/usr\/bin\/tini", "--"/);
    expect(args('ENV').join(' ')).toMatch(/\bNODE_ENV=production\b/);
  });

  it('installs production dependencies only into the runtime, never running install scripts', () => {
    const installs = all.filter((i) => i.keyword === 'RUN' && /\bnpm (ci|install)\b/.test(i.args)).map((i) => i.args);
    expect(installs.some((install) => /--omit=dev\b/.test(install))).toBe(true);
    // npm 10 in node:20 ignores package.json#allowScripts; only --ignore-scripts holds everywhere.
    for (const install of installs) expect(install).toMatch(/--ignore-scripts\b/);
  });

  it('copies nothing from the build context that .dockerignore leaves out', () => {
    const patterns = read('.dockerignore')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(patterns[0]).toBe('*');
    const allowed = patterns.filter((p) => p.startsWith('!')).map((p) => posix.normalize(p.slice(1)).replace(/\/$/, ''));
    const sources = all
      .filter((i) => i.keyword === 'COPY' && !/--from=/.test(i.args))
      .flatMap((i) =>
        i.args
          .split(/\s+/)
          .filter((word) => !word.startsWith('--'))
          .slice(0, -1),
      )
      .filter((source) => source !== '.');
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(root, source))).toBe(true);
      expect(allowed.some((entry) => source === entry || source.startsWith(`${entry}/`))).toBe(true);
    }
  });
});

// ---- deploy/k8s ------------------------------------------------------------------------

interface K8sObject {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  data?: Env;
  stringData?: Env;
  spec?: any;
}

function manifests(dir: string): K8sObject[] {
  return readdirSync(join(root, dir))
    .filter((file) => /\.ya?ml$/.test(file))
    .flatMap((file) => parseAllDocuments(read(join(dir, file))).map((doc) => doc.toJS() as K8sObject))
    .filter(Boolean);
}

describe('deploy/k8s', () => {
  const objects = manifests('deploy/k8s');
  const secrets = manifests('deploy/k8s/templates').filter((o) => o.kind === 'Secret');
  const find = (kind: string, name: string) => [...objects, ...secrets].find((o) => o.kind === kind && o.metadata.name === name);
  const deployments = objects.filter((o) => o.kind === 'Deployment');

  /** A container's environment as Kubernetes builds it: envFrom first, then env in order with $(VAR) expanded. */
  function containerEnv(container: any): Env {
    const env: Env = {};
    for (const source of container.envFrom ?? []) {
      const ref = source.configMapRef ?? source.secretRef;
      const object = find(source.configMapRef ? 'ConfigMap' : 'Secret', ref.name);
      expect(object).toBeDefined();
      Object.assign(env, object!.data ?? object!.stringData);
    }
    for (const variable of container.env ?? []) {
      const ref = variable.valueFrom?.secretKeyRef ?? variable.valueFrom?.configMapKeyRef;
      if (ref) {
        const object = find(variable.valueFrom.secretKeyRef ? 'Secret' : 'ConfigMap', ref.name);
        const value = (object?.data ?? object?.stringData ?? {})[ref.key];
        expect(value).toBeDefined();
        env[variable.name] = value;
      } else {
        env[variable.name] = String(variable.value ?? '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (match, name) => env[name] ?? match);
      }
    }
    return env;
  }

  it('puts everything in the d115 namespace', () => {
    expect(find('Namespace', 'd115')).toBeDefined();
    for (const object of [...objects, ...secrets].filter((o) => o.kind !== 'Namespace')) expect(object.metadata.namespace).toBe('d115');
  });

  it('has one Deployment per app', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...SERVICE_NAMES].sort());
  });

  it.each(deployments.map((d) => [d.metadata.name, d] as const))('%s has liveness and readiness probes on its ports', (_name, deployment) => {
    for (const container of deployment.spec.template.spec.containers) {
      const ports = new Map<string | number, number>();
      for (const port of container.ports ?? []) ports.set(port.name, port.containerPort).set(port.containerPort, port.containerPort);
      expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
      expect(ports.get(container.livenessProbe.httpGet.port)).toBeDefined();
      expect(ports.get(container.readinessProbe.httpGet.port)).toBeDefined();
    }
  });

  describe.each(SERVICE_NAMES)('%s', (service) => {
    const deployment = deployments.find((d) => d.metadata.name === service);
    const pod = deployment?.spec.template.spec;
    const container = pod?.containers.find((c: { name: string }) => c.name === service);

    it('runs the service with the variables its env class requires, probed on the port it listens on', () => {
      expect(container).toBeDefined();
      const env = containerEnv(container);
      expect(env.D115_SERVICE).toBe(service);
      expect(requiredVariables(envClassOf(service)).filter((name) => !env[name])).toEqual([]);
      expect(() => validateEnv(envClassOf(service), env)).not.toThrow();
      const port = listeningPort(service, env);
      const named = (container.ports as { name: string; containerPort: number }[]).find((p) => p.name === container.readinessProbe.httpGet.port);
      expect(named?.containerPort ?? container.readinessProbe.httpGet.port).toBe(port);
    });

    it('runs as non-root with resource requests and limits, and time to shut down', () => {
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
      for (const kind of ['requests', 'limits']) {
        expect(container.resources?.[kind]?.cpu).toBeDefined();
        expect(container.resources?.[kind]?.memory).toBeDefined();
      }
      const env = validateEnv(envClassOf(service), containerEnv(container));
      const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
      const pauseSeconds = preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
      expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(env.SHUTDOWN_TIMEOUT_MS + pauseSeconds * 1000);
    });

    it('has a Service selecting its pods', () => {
      const selector = find('Service', service)?.spec.selector;
      expect(selector).toBeDefined();
      expect(deployment!.spec.template.metadata.labels).toEqual(expect.objectContaining(selector));
    });
  });

  it('starts the gateway in production mode with an identity provider', () => {
    const gateway = deployments.find((d) => d.metadata.name === 'gateway')!;
    const env = containerEnv(gateway.spec.template.spec.containers[0]);
    expect(env.AUTH_JWKS_URL).toMatch(/^https:/);
    expect(() => validateEnv(envClassOf('gateway'), { ...env, NODE_ENV: 'production' })).not.toThrow();
    expect(() => validateEnv(envClassOf('gateway'), { ...env, NODE_ENV: 'production', AUTH_JWKS_URL: '' })).toThrow(/AUTH_JWKS_URL/);
  });

  it.each(STATEFUL_SERVICES)('%s connects as the role and with the password the migrate Job provisions', (service) => {
    const job = find('Job', 'd115-migrate');
    const jobEnv = containerEnv(job!.spec.template.spec.containers[0]);
    const layout = databaseLayout(jobEnv, jobEnv.DATABASE_ADMIN_URL);
    const expected = new URL(layout.services[service].url);
    const deployment = deployments.find((d) => d.metadata.name === service)!;
    const actual = new URL(containerEnv(deployment.spec.template.spec.containers[0]).DATABASE_URL);
    expect([actual.username, actual.password, actual.host, actual.pathname]).toEqual([expected.username, expected.password, expected.host, expected.pathname]);
  });

  it('runs the migration as a Job with the admin URL and every service password', () => {
    const job = find('Job', 'd115-migrate');
    expect(job).toBeDefined();
    const container = job!.spec.template.spec.containers[0];
    expect(container.args ?? container.command).toEqual(['migrate']);
    expect(job!.spec.template.spec.securityContext?.runAsNonRoot).toBe(true);
    const env = containerEnv(container);
    expect(new URL(env.DATABASE_ADMIN_URL).protocol).toBe('postgres:');
    for (const service of STATEFUL_SERVICES) expect(env[`${service.toUpperCase()}_DATABASE_PASSWORD`]).toBeTruthy();
  });
});
