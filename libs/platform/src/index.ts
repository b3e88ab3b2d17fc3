export * from './env';
export * from './tokens';
export * from './http-status';
export * from './error.filter';
export * from './platform.module';
export * from './bootstrap';
export * from './consumer.host';
export * from './net';
