import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { findConsoleDirectory } from './console-files';
import { CONSOLE_DIRECTORY, ConsoleFilesMiddleware } from './console-files.middleware';

/**
 * The agent console (apps/console, built to dist/console) at `/`; the API stays at /api/v1.
 * A plain Express middleware, added once the routes are registered and before the
 * not-found handler: it answers only what no route took, and is no route itself (so the
 * OpenAPI document, which covers every route, has nothing to document for it).
 */
@Module({
  providers: [{ provide: CONSOLE_DIRECTORY, useFactory: () => findConsoleDirectory() }, ConsoleFilesMiddleware],
})
export class ConsoleModule implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    @Inject(ConsoleFilesMiddleware) private readonly files: ConsoleFilesMiddleware,
  ) {}

  onModuleInit(): void {
    const express = this.adapter.httpAdapter?.getInstance<Express>();
    express?.use((req, res, next) => this.files.use(req, res, next));
  }
}
