export * from './naming.strategy';
export * from './identifiers';
export * from './provision';
export * from './data-source';
export * from './migrate';
export * from './transactions';
export * from './hydrate';
