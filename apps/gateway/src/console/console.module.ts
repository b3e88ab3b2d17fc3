import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { findConsoleDirectory } from './console-files';
import { CONSOLE_DIRECTORY, ConsoleFilesMiddleware } from './console-files.middleware';

/** The agent console (apps/console, built to dist/console) at `/`; the API stays at /api/v1. */
@Module({
  providers: [{ provide: CONSOLE_DIRECTORY, useFactory: () => findConsoleDirectory() }],
})
export class ConsoleModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ConsoleFilesMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
