import { JetStreamManager, RetentionPolicy, StorageType, StreamConfig, DiscardPolicy, nanos } from 'nats';
import { SUBJECT_ROOT } from '@d115/contracts';
import { Namespace } from './namespace';

export type StreamKey = 'EVENTS' | 'INBOUND' | 'DEADLETTER';

interface StreamDefinition {
  name: string;
  subjects: string[];
  description: string;
  maxAgeDays: number;
}

/** The three streams d115 owns. Limits are deliberately generous; ops can raise them. */
export const STREAMS: Record<StreamKey, StreamDefinition> = {
  EVENTS: {
    name: 'D115_EVENTS',
    subjects: [`${SUBJECT_ROOT}.events.>`],
    description: 'Facts published by d115 services through their outboxes',
    maxAgeDays: 30,
  },
  INBOUND: {
    name: 'D115_INBOUND',
    subjects: [`${SUBJECT_ROOT}.inbound.>`],
    description: 'Messages from outside systems (telephony, portals, booking systems)',
    maxAgeDays: 30,
  },
  DEADLETTER: {
    name: 'D115_DEADLETTER',
    subjects: [`${SUBJECT_ROOT}.deadletter.>`],
    description: 'Messages a consumer gave up on, with the reason in headers',
    maxAgeDays: 365,
  },
};

/** Window in which JetStream drops a re-publish with the same Nats-Msg-Id. */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

/** Which stream holds a (documented, un-namespaced) subject. */
export function streamKeyFor(subject: string): StreamKey {
  if (subject.startsWith(`${SUBJECT_ROOT}.inbound.`)) return 'INBOUND';
  if (subject.startsWith(`${SUBJECT_ROOT}.deadletter.`)) return 'DEADLETTER';
  if (subject.startsWith(`${SUBJECT_ROOT}.events.`)) return 'EVENTS';
  throw new Error(`subject "${subject}" belongs to no d115 stream`);
}

/** Creates the streams or brings their configuration up to date; safe to run from every instance. */
export async function ensureStreams(jsm: JetStreamManager, namespace: Namespace, replicas = 1): Promise<void> {
  for (const definition of Object.values(STREAMS)) {
    const config: Partial<StreamConfig> & { name: string } = {
      name: namespace.stream(definition.name),
      subjects: definition.subjects.map((s) => namespace.subject(s)),
      description: definition.description,
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: nanos(definition.maxAgeDays * 24 * 3600 * 1000),
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      num_replicas: replicas,
    };
    try {
      await jsm.streams.info(config.name);
      await jsm.streams.update(config.name, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        await jsm.streams.add(config);
      } catch (addError) {
        // Another instance created it in between: bring it up to date instead.
        if (!String((addError as Error).message).includes('already in use')) throw addError;
        await jsm.streams.update(config.name, config);
      }
    }
  }
}

export function isNotFound(error: unknown): boolean {
  const message = String((error as Error)?.message ?? '');
  return message.includes('not found') || (error as { api_error?: { err_code?: number } })?.api_error?.err_code === 10059;
}
