export * from './services';
export * from './subjects';
export * from './errors';
export * from './envelope';
export * from './ping';
export * from './validation';
export * from './keys';
