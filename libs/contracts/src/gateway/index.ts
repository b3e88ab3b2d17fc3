export * from './gateway-errors';
export * from './auth.dto';
export * from './live-events';
