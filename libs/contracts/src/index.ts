export * from './common';
export * from './mail';
export * from './tickets';
export * from './telephony';
export * from './knowledge';
export * from './request-map';
export * from './error-codes';
