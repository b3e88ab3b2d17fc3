import fastifyStatic from '@fastify/static';
import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { findConsoleDirectory } from './console-files';
import { CONSOLE_DIRECTORY, ConsoleFiles } from './console-files.provider';

/**
 * The agent console (apps/console, built to dist/console) at `/`; the API stays at /api/v1.
 * A request hook rather than a route: it answers only GETs no route took, and is no route
 * itself (so the OpenAPI document, which covers every route, has nothing to document for it).
 */
@Module({
  providers: [{ provide: CONSOLE_DIRECTORY, useFactory: () => findConsoleDirectory() }, ConsoleFiles],
})
export class ConsoleModule implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    @Inject(ConsoleFiles) private readonly files: ConsoleFiles,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || !this.files.root) return;
    // reply.sendFile with conditional GETs (ETag, Last-Modified); nothing is served by the plugin itself.
    await fastify.register(fastifyStatic, { root: this.files.root, serve: false });
    fastify.addHook('onRequest', (request, reply, done) => {
      if (!this.files.serve(request, reply)) done();
    });
  }
}
