export * from './infrastructure';
export * from './poll';
export * from './test-environment';
