import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ServiceName } from '@d115/contracts';
import { D115NatsServer, Namespace } from '@d115/messaging';
import { createRootLogger, initMetrics, PinoNestLogger } from '@d115/observability';
import { BaseEnv, InvalidConfigurationError, ServiceEnv, validateEnv } from './env';
import { ErrorFilter } from './error.filter';

/**
 * Fastify keeps the error handler that is current when a route is added. Nest sets its
 * own after adding the routes, so a failure before a handler runs (a body over the limit,
 * malformed JSON) would get Fastify's default answer; the platform sets the error filter
 * as the handler before any route instead, and Nest's later call is left out.
 */
class PlatformFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(): ReturnType<FastifyAdapter['setErrorHandler']> {
    return this.getInstance();
  }
}

export interface ServiceDefinition<E extends BaseEnv> {
  service: ServiceName;
  env: new () => E;
  module: (env: E) => DynamicModule;
  /** Extra HTTP set-up (the gateway's OpenAPI document, for instance). */
  configureHttp?: (app: NestFastifyApplication, env: E) => void | Promise<void>;
  /** Options of the HTTP server (Fastify), e.g. the trusted proxies. */
  httpServer?: (env: E) => FastifyServerOptions;
  /** The HTTP port; defaults to OPS_PORT of a service env. */
  httpPort?: (env: E) => number;
}

export interface RunningService<E extends BaseEnv> {
  app: NestFastifyApplication;
  env: E;
  /** The port the HTTP server actually listens on (useful with port 0). */
  port: number;
}

/** The version in the nearest package.json above this file. */
export function readVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) return (JSON.parse(readFileSync(candidate, 'utf8')) as { version?: string }).version ?? '0.0.0';
    dir = dirname(dir);
  }
  return '0.0.0';
}

/** Validates the env, builds the Nest app, connects the NATS request transport, listens. */
export async function bootstrapService<E extends BaseEnv>(
  definition: ServiceDefinition<E>,
  source: Record<string, string | undefined> = process.env,
): Promise<RunningService<E>> {
  const env = validateEnv(definition.env, source);
  createRootLogger(definition.service, env.LOG_LEVEL);
  initMetrics(definition.service);
  // Fastify rather than Express: on the gateway's hot path the framework was half of the
  // CPU a request costs (docs/architecture.md, "HTTP"); the ops endpoints of every other
  // service use the same adapter, so there is one HTTP stack to know.
  const adapter = new PlatformFastifyAdapter({
    // A path parameter over Fastify's 100 characters reaches the route's own rule (a 400 naming it), not "no route".
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // Node's own default (Fastify would switch it off): a request must arrive within 5 minutes.
    requestTimeout: 300_000,
    ...definition.httpServer?.(env),
  });
  const errors = new ErrorFilter();
  adapter.getInstance().setErrorHandler((error, request, reply) => errors.catch(error, new ExecutionContextHost([request, reply])));
  const app = await NestFactory.create<NestFastifyApplication>(definition.module(env), adapter, {
    logger: new PinoNestLogger(),
    abortOnError: false,
    // Only the gateway takes bodies; it registers its own parsers (JSON with its limit,
    // forms only for the citizen pages, multipart streamed) in configureHttp.
    bodyParser: false,
  });
  app.connectMicroservice(
    {
      strategy: new D115NatsServer(
        {
          servers: env.NATS_URL.split(','),
          queue: definition.service,
          name: `${definition.service}-rpc`,
          maxReconnectAttempts: -1,
          gracefulShutdown: true,
          gracePeriod: 300,
        },
        new Namespace(env.D115_NAMESPACE),
      ),
    },
    { inheritAppConfig: true },
  );
  try {
    await definition.configureHttp?.(app, env);
    await app.startAllMicroservices();
    await app.listen(definition.httpPort?.(env) ?? (env as BaseEnv as ServiceEnv).OPS_PORT, env.HTTP_HOST);
  } catch (error) {
    // Release what did start (relay, connections) before reporting the failure.
    await app.close().catch(() => undefined);
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, env, port };
}

/**
 * The process entry point of a service: starts it, stops it cleanly on
 * SIGTERM/SIGINT within SHUTDOWN_TIMEOUT_MS, and exits non-zero naming the
 * variable when the configuration is invalid.
 */
export async function runService<E extends BaseEnv>(definition: ServiceDefinition<E>): Promise<void> {
  let running: RunningService<E>;
  try {
    running = await bootstrapService(definition);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) {
      process.stderr.write(`${definition.service}: ${error.message}\n`);
    } else {
      process.stderr.write(`${definition.service}: failed to start: ${(error as Error)?.stack ?? error}\n`);
    }
    process.exit(1);
  }
  const logger = createRootLogger(definition.service, running.env.LOG_LEVEL);
  logger.info({ port: running.port, version: readVersion() }, `${definition.service} ready`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => {
      logger.error({ timeoutMs: running.env.SHUTDOWN_TIMEOUT_MS }, 'shutdown took too long; exiting');
      process.exit(1);
    }, running.env.SHUTDOWN_TIMEOUT_MS).unref();
    running.app
      .close()
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
