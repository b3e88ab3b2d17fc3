export * from './telephony.subjects';
export * from './call-wrapped-up.event';
export * from './call.events';
export * from './cti-call.event';
export * from './wrap-up.request';
export * from './service-level.requests';
