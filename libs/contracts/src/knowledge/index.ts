export * from './responsible-authority.request';
