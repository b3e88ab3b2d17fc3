import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { validateEnv } from '@d115/platform';
import { AppModule } from '../apps/gateway/src/app.module';
import { GatewayEnv } from '../apps/gateway/src/config/gateway.env';
import { buildOpenApiDocument } from '../apps/gateway/src/docs/openapi';

/**
 * `node dist/scripts/openapi.js OUT.json` writes the gateway's OpenAPI document without
 * connecting to anything: the app is built in Nest's preview mode, which reads the
 * modules and controllers but runs no provider factory (no NATS, no keys).
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: node dist/scripts/openapi.js OUT.json\n');
    process.exit(2);
  }
  const env = validateEnv(GatewayEnv, { NATS_URL: 'nats://127.0.0.1:4222' });
  const app = await NestFactory.create(AppModule.register(env), new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  const document = buildOpenApiDocument(app);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`wrote ${out}: ${Object.keys(document.paths).length} paths, ${Object.keys(document.components?.schemas ?? {}).length} schemas\n`);
  await app.close();
}

main().catch((error) => {
  process.stderr.write(`openapi: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
