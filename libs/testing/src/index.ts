export * from './infrastructure';
export * from './poll';
export * from './test-environment';
export { isListening } from '@d115/platform';
export * from './probe/probe.services';
export * from './service-kit';
export * from './request-failure';
