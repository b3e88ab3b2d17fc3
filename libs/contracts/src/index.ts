export * from './common';
export * from './mail';
export * from './tickets';
export * from './telephony';
export * from './knowledge';
export * from './appointments';
export * from './request-map';
export * from './error-codes';
