/** The CSTA monitoring events the adapter maps (ECMA-269 names; "Transfered" is the standard's spelling). */
export const CSTA_EVENT_TYPES = [
  'Delivered',
  'Established',
  'ConnectionCleared',
  'Diverted',
  'Transfered',
  'Conferenced',
  'Queued',
  'Failed',
  'CallCleared',
  'Originated',
] as const;
export type CstaEventType = (typeof CSTA_EVENT_TYPES)[number];

/** A connection: one device's part in one call. */
export interface CstaConnection {
  callId: string;
  deviceId?: string;
}

/** A device as an event names it. `number` is null when the device is withheld or not known. */
export interface CstaDevice {
  number: string | null;
  /** The system said the identity is restricted (CLIR) or not known, rather than naming it. */
  withheld: boolean;
}

/** The roles in which an event names devices. */
export type CstaDeviceRole =
  | 'calling'
  | 'called'
  | 'alerting'
  | 'answering'
  | 'releasing'
  | 'diverting'
  | 'divertedTo'
  | 'transferring'
  | 'transferredTo'
  | 'conferencing'
  | 'addedParty'
  | 'queue'
  | 'failing'
  | 'lastRedirection'
  | 'originating';

/** The calls a transfer or conference joins, and the connections after it. */
export interface CstaTransfer {
  primaryOldCall?: CstaConnection;
  secondaryOldCall?: CstaConnection;
  /** `transferredConnections` / `conferenceConnections`: `connectionListItem/newConnection`. */
  newConnections: CstaConnection[];
}

export interface CstaEvent {
  kind: 'event';
  type: CstaEventType;
  monitorCrossRefId?: string;
  /** The connection the event is about (connection, establishedConnection, droppedConnection, …). */
  connection?: CstaConnection;
  devices: Partial<Record<CstaDeviceRole, CstaDevice>>;
  /** `localConnectionInfo`: the state of the monitored device's connection (alerting, connected, null, …). */
  localConnectionInfo?: string;
  /** The event cause as sent (normalClearing, busy, newCall, callCancelled, …). */
  cause?: string;
  /** The event's own time, when the server sent one. */
  at?: Date;
  /** TransferedEvent, ConferencedEvent: the calls joined. */
  transfer?: CstaTransfer;
}

/** Everything else a CSTA server sends that the adapter acts on. */
export type CstaMessage =
  | CstaEvent
  | { kind: 'monitor-started'; monitorCrossRefId: string }
  | { kind: 'monitor-ended'; monitorCrossRefId: string; cause?: string }
  /** The calls at a device (SnapshotDeviceResponse); `deferred` when the data comes later in events instead. */
  | { kind: 'snapshot'; callIds: string[]; deferred: boolean }
  | { kind: 'system-status'; status?: string }
  | { kind: 'system-status-response' }
  | { kind: 'error'; operation: string; detail?: string }
  /** ECMA-354: StartApplicationSessionPosResponse (the duration the server granted, seconds). */
  | { kind: 'session-started'; sessionId: string; durationS?: number; protocolVersion?: string }
  /** ECMA-354: a negative response to StartApplicationSession or ResetApplicationSessionTimer. */
  | { kind: 'session-refused'; request: 'start' | 'reset'; reason: string }
  | { kind: 'session-timer-reset'; durationS?: number }
  /** ECMA-354: the server ended the session (StopApplicationSession, or its abort). */
  | { kind: 'session-stopped'; reason: string }
  | { kind: 'ignored'; element: string };
