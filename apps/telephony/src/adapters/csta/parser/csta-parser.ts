import { CSTA_EVENT_TYPES, CstaDevice, CstaDeviceRole, CstaEvent, CstaEventType, CstaMessage, CstaTransfer } from './csta-message';
import { readConnection, readDevice } from './csta-devices';
import { childText, findChild, parseXmlTree, XmlElement } from './xml-tree';

/** Per event, the element naming the connection it is about (tried first), then the generic ones. */
const CONNECTION_ELEMENTS: Record<CstaEventType, string[]> = {
  Delivered: ['connection'],
  Established: ['establishedConnection', 'connection'],
  ConnectionCleared: ['droppedConnection', 'connection'],
  Diverted: ['connection', 'divertedConnection'],
  Transfered: ['primaryOldCall'],
  Conferenced: ['primaryOldCall'],
  Queued: ['queuedConnection', 'connection'],
  Failed: ['failedConnection', 'connection'],
  CallCleared: ['clearedCall', 'connection'],
  Originated: ['originatedConnection', 'connection'],
};

/** Device roles by element name, with the aliases of editions and vendors. */
const DEVICE_ELEMENTS: Record<CstaDeviceRole, string[]> = {
  calling: ['callingDevice'],
  called: ['calledDevice'],
  alerting: ['alertingDevice'],
  answering: ['answeringDevice'],
  releasing: ['releasingDevice'],
  diverting: ['divertingDevice', 'divertedFromDevice'],
  divertedTo: ['newDestination', 'divertedToDevice'],
  transferring: ['transferringDevice'],
  transferredTo: ['transferredToDevice', 'transferredDevice'],
  conferencing: ['conferencingDevice'],
  addedParty: ['addedParty'],
  queue: ['queue', 'queueDevice'],
  failing: ['failingDevice'],
  lastRedirection: ['lastRedirectionDevice'],
  originating: ['originatingDevice'],
};

const EVENT_BY_ELEMENT = new Map<string, CstaEventType>(CSTA_EVENT_TYPES.map((type) => [`${type}Event`, type]));
// Some servers spell the standard's "Transfered" correctly.
EVENT_BY_ELEMENT.set('TransferredEvent', 'Transfered');

/**
 * One CSTA XML document → what the adapter acts on. The root may be the message itself or a
 * wrapper around it (one level). Unknown messages and unknown elements inside known ones are
 * ignored; a document that is not well-formed throws `CSTA.XML_MALFORMED`.
 */
export function parseCstaMessage(xml: string): CstaMessage {
  const root = parseXmlTree(xml);
  return readMessage(root) ?? root.children.map(readMessage).find((message) => message !== undefined) ?? { kind: 'ignored', element: root.name };
}

function readMessage(element: XmlElement): CstaMessage | undefined {
  const type = EVENT_BY_ELEMENT.get(element.name);
  if (type) return readEvent(type, element);
  switch (element.name) {
    case 'MonitorStartResponse':
      return { kind: 'monitor-started', monitorCrossRefId: childText(element, 'monitorCrossRefID') ?? '' };
    case 'MonitorEndedEvent':
      return { kind: 'monitor-ended', monitorCrossRefId: childText(element, 'monitorCrossRefID') ?? '', cause: childText(element, 'cause') };
    case 'SnapshotDeviceResponse':
      return {
        kind: 'snapshot',
        callIds: [...new Set(descendants(element, 'callID').map((e) => e.text.trim()))].filter(Boolean),
        deferred: !!findChild(element, ['serviceCrossRefID'], 3),
      };
    case 'SystemStatus':
      return { kind: 'system-status', status: childText(element, 'systemStatus') };
    case 'SystemStatusResponse':
      return { kind: 'system-status-response' };
    case 'StartApplicationSessionPosResponse':
      return {
        kind: 'session-started',
        sessionId: childText(element, 'sessionID') ?? '',
        durationS: seconds(childText(element, 'actualSessionDuration')),
        protocolVersion: childText(element, 'actualProtocolVersion'),
      };
    case 'StartApplicationSessionNegResponse':
    case 'ResetApplicationSessionTimerNegResponse':
      return {
        kind: 'session-refused',
        request: element.name.startsWith('Start') ? 'start' : 'reset',
        reason: reasonOf(element),
      };
    case 'ResetApplicationSessionTimerPosResponse':
      return { kind: 'session-timer-reset', durationS: seconds(childText(element, 'actualSessionDuration')) };
    case 'StopApplicationSession':
    case 'ApplicationSessionTerminated':
      return { kind: 'session-stopped', reason: reasonOf(element) };
    case 'CSTAErrorCode': {
      const reason = element.children[0];
      return { kind: 'error', operation: reason ? `${reason.name}${reason.text.trim() ? `: ${reason.text.trim()}` : ''}` : 'unspecified' };
    }
    default:
      return undefined;
  }
}

/** The first reason a negative response or a stop names (errorCode/definedError, sessionEndReason …), as text. */
function reasonOf(element: XmlElement): string {
  const reason = findChild(element, ['errorCode', 'sessionEndReason', 'sessionTermReason'], 1) ?? element.children[0];
  if (!reason) return 'unspecified';
  const leaf = (e: XmlElement): XmlElement => (e.children.length > 0 ? leaf(e.children[0]) : e);
  const inner = leaf(reason);
  return `${inner.name}${inner.text.trim() ? `: ${inner.text.trim()}` : ''}`;
}

function seconds(text: string | undefined): number | undefined {
  const value = Number(text);
  return text && Number.isFinite(value) && value > 0 ? value : undefined;
}

function readEvent(type: CstaEventType, element: XmlElement): CstaEvent {
  const devices: Partial<Record<CstaDeviceRole, CstaDevice>> = {};
  for (const [role, names] of Object.entries(DEVICE_ELEMENTS) as [CstaDeviceRole, string[]][]) {
    const device = readDevice(findChild(element, names));
    if (device) devices[role] = device;
  }
  const event: CstaEvent = {
    kind: 'event',
    type,
    monitorCrossRefId: childText(element, 'monitorCrossRefID'),
    connection: readConnection(findChild(element, CONNECTION_ELEMENTS[type])),
    devices,
    localConnectionInfo: childText(element, 'localConnectionInfo'),
    cause: childText(element, 'cause'),
    at: readTimestamp(element),
  };
  if (type === 'Transfered' || type === 'Conferenced') event.transfer = readTransfer(element);
  return event;
}

function readTransfer(element: XmlElement): CstaTransfer {
  const list = findChild(element, ['transferredConnections', 'conferenceConnections']);
  const newConnections = (list?.children ?? [])
    .map((item) => readConnection(findChild(item, ['newConnection'])))
    .filter((connection) => connection !== undefined);
  return {
    primaryOldCall: readConnection(findChild(element, ['primaryOldCall'])),
    secondaryOldCall: readConnection(findChild(element, ['secondaryOldCall'])),
    newConnections,
  };
}

/** ECMA-323 has no mandatory event time; some servers send one (timestamp, in the common arguments or private data). */
function readTimestamp(element: XmlElement): Date | undefined {
  const text = findChild(element, ['timestamp', 'timeStamp', 'eventTime'], 4)?.text.trim();
  if (!text) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => (child.name === name ? [child] : descendants(child, name)));
}
