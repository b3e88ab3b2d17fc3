/** Injection tokens of the platform module. */
export const ENV = Symbol('ENV');
export const SERVICE_INFO = Symbol('SERVICE_INFO');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const JETSTREAM = Symbol('JETSTREAM');
export const JETSTREAM_MANAGER = Symbol('JETSTREAM_MANAGER');

export interface ServiceInfo {
  service: import('@d115/contracts').ServiceName;
  version: string;
  instance: string;
  startedAt: number;
}
