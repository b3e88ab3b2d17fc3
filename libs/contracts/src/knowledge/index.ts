export * from './knowledge.subjects';
export * from './responsible-authority.request';
export * from './service.requests';
export * from './catalogue-imported.event';
export * from './search.requests';
export * from './catalogue-import.request';
