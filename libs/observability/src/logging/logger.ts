import { LoggerService } from '@nestjs/common';
import pino, { Logger, LevelWithSilent } from 'pino';
import { currentContext } from './request-context';

let root: Logger | undefined;

const NOISY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** Creates the process-wide JSON logger; every line carries service and correlation id. */
export function createRootLogger(service: string, level: string = 'info'): Logger {
  root = pino({
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const context = currentContext();
      return context ? { correlationId: context.correlationId } : {};
    },
  });
  return root;
}

export function rootLogger(): Logger {
  if (!root) root = createRootLogger(process.env.D115_SERVICE ?? 'd115', process.env.LOG_LEVEL ?? 'info');
  return root;
}

export function childLogger(component: string): Logger {
  return rootLogger().child({ component });
}

/** Routes Nest's own log calls into pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger = rootLogger()) {}

  log(message: unknown, context?: string): void {
    // Nest's start-up chatter (modules loaded, routes mapped) is only interesting when debugging.
    this.write(context && NOISY_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }

  private write(level: Exclude<LevelWithSilent, 'silent'>, message: unknown, context?: string): void {
    if (typeof message === 'object') this.logger[level]({ context, ...(message as object) });
    else this.logger[level]({ context }, String(message));
  }
}
