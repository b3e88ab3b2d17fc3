export * from './logging/request-context';
export * from './logging/logger';
export * from './metrics/metrics';
export * from './health/readiness';
export * from './health/ops.controller';
