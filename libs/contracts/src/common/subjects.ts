import { ServiceName } from './services';

/** Root of every d115 subject. */
export const SUBJECT_ROOT = 'd115';
type Root = typeof SUBJECT_ROOT;

/** Request/reply subject: `d115.<service>.<action>`. */
export function requestSubject<S extends ServiceName, A extends string>(service: S, action: A): `${Root}.${S}.${A}` {
  return `${SUBJECT_ROOT}.${service}.${action}`;
}

/** Event subject: `d115.events.<service>.<entity>.<verb>`. */
export function eventSubject(service: ServiceName, entity: string, verb: string): string {
  return `${SUBJECT_ROOT}.events.${service}.${entity}.${verb}`;
}

/** Inbound subject for outside systems: `d115.inbound.<channel>.<rest>`. */
export function inboundSubject(channel: string, rest: string): string {
  return `${SUBJECT_ROOT}.inbound.${channel}.${rest}`;
}

/** Dead-letter subject for messages a consumer gave up on. */
export function deadLetterSubject(service: ServiceName, consumer: string): string {
  return `${SUBJECT_ROOT}.deadletter.${service}.${consumer}`;
}

export type PingSubject<S extends ServiceName = ServiceName> = `${Root}.${S}.ping`;

export function pingSubject<S extends ServiceName>(service: S): PingSubject<S> {
  return requestSubject(service, 'ping');
}

/** CloudEvents `type` for an event subject: the subject without the `d115.events.` prefix. */
export function eventTypeOf(subject: string): string {
  const prefix = `${SUBJECT_ROOT}.events.`;
  return subject.startsWith(prefix) ? `de.d115.${subject.slice(prefix.length)}` : subject;
}
