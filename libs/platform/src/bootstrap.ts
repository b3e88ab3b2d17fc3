import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ServiceName } from '@d115/contracts';
import { D115NatsServer, Namespace } from '@d115/messaging';
import { createRootLogger, initMetrics, PinoNestLogger } from '@d115/observability';
import { BaseEnv, InvalidConfigurationError, ServiceEnv, validateEnv } from './env';

export interface ServiceDefinition<E extends BaseEnv> {
  service: ServiceName;
  env: new () => E;
  module: (env: E) => DynamicModule;
  /** Extra HTTP set-up (the gateway's OpenAPI document, for instance). */
  configureHttp?: (app: INestApplication, env: E) => void | Promise<void>;
  /** The HTTP port; defaults to OPS_PORT of a service env. */
  httpPort?: (env: E) => number;
}

export interface RunningService<E extends BaseEnv> {
  app: INestApplication;
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
  const app = await NestFactory.create(definition.module(env), {
    logger: new PinoNestLogger(),
    abortOnError: false,
    // No body parsers for every route: only the gateway takes bodies, and it sets up its
    // own (JSON with its limit; forms only on the citizen pages) in configureHttp.
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
