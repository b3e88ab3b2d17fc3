/** The ECMA-323 namespace the adapter writes in; servers of later editions accept edition 3 requests. */
export const CSTA_NAMESPACE = 'http://www.ecma-international.org/standards/ecma-323/csta/ed3';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** ECMA-354 (application session services, the ACSE of CSTA over XML). */
export const SESSION_NAMESPACE = 'http://www.ecma-international.org/standards/ecma-354/appl_session';

/**
 * StartApplicationSession: who the application is and which CSTA edition it speaks; the server
 * answers with a sessionID and the session duration it grants (or a negative response).
 */
export function startApplicationSession(applicationId: string, durationS: number): string {
  return (
    `${DECLARATION}<StartApplicationSession xmlns="${SESSION_NAMESPACE}">` +
    `<applicationInfo><applicationID>${escapeXml(applicationId)}</applicationID></applicationInfo>` +
    `<requestedProtocolVersions><protocolVersion>${CSTA_NAMESPACE}</protocolVersion></requestedProtocolVersions>` +
    `<requestedSessionDuration>${durationS}</requestedSessionDuration></StartApplicationSession>`
  );
}

/** ResetApplicationSessionTimer: the session's keep-alive, sent well within its duration. */
export function resetApplicationSessionTimer(sessionId: string, durationS: number): string {
  return (
    `${DECLARATION}<ResetApplicationSessionTimer xmlns="${SESSION_NAMESPACE}">` +
    `<sessionID>${escapeXml(sessionId)}</sessionID><requestedSessionDuration>${durationS}</requestedSessionDuration></ResetApplicationSessionTimer>`
  );
}

/** MonitorStart for one device (ECMA-269 monitoring services): the server answers with a monitorCrossRefID. */
export function monitorStart(device: string): string {
  return `${DECLARATION}<MonitorStart xmlns="${CSTA_NAMESPACE}"><monitorObject><deviceObject>${escapeXml(device)}</deviceObject></monitorObject></MonitorStart>`;
}

/** SnapshotDevice (ECMA-269 snapshot services): the calls at a device right now, listed in the response. */
export function snapshotDevice(device: string): string {
  return `${DECLARATION}<SnapshotDevice xmlns="${CSTA_NAMESPACE}"><snapshotObject>${escapeXml(device)}</snapshotObject></SnapshotDevice>`;
}

/** SystemStatus "normal": the keepalive the application sends; the server answers SystemStatusResponse. */
export function systemStatus(): string {
  return `${DECLARATION}<SystemStatus xmlns="${CSTA_NAMESPACE}"><systemStatus>normal</systemStatus></SystemStatus>`;
}

/** The answer to the server's own SystemStatus request (its keepalive). */
export function systemStatusResponse(): string {
  return `${DECLARATION}<SystemStatusResponse xmlns="${CSTA_NAMESPACE}"/>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
