import { CstaErrorCode, D115Error } from '@d115/contracts';
import { normaliseNumber } from './csta-devices';
import { parseCstaMessage } from './csta-parser';

const delivered = (ns: string, prefix = '') => {
  const p = prefix ? `${prefix}:` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<${p}DeliveredEvent ${ns}>
  <${p}monitorCrossRefID>7</${p}monitorCrossRefID>
  <${p}connection><${p}callID>42</${p}callID><${p}deviceID>2001</${p}deviceID></${p}connection>
  <${p}alertingDevice><${p}deviceIdentifier>2001</${p}deviceIdentifier></${p}alertingDevice>
  <${p}callingDevice><${p}deviceIdentifier>+4930123</${p}deviceIdentifier></${p}callingDevice>
  <${p}calledDevice><${p}deviceIdentifier>115</${p}deviceIdentifier></${p}calledDevice>
  <${p}localConnectionInfo>alerting</${p}localConnectionInfo>
  <${p}cause>newCall</${p}cause>
</${p}DeliveredEvent>`;
};

const expected = {
  kind: 'event',
  type: 'Delivered',
  monitorCrossRefId: '7',
  connection: { callId: '42', deviceId: '2001' },
  devices: { alerting: { number: '2001', withheld: false }, calling: { number: '+4930123', withheld: false }, called: { number: '115', withheld: false } },
  localConnectionInfo: 'alerting',
  cause: 'newCall',
  at: undefined,
};

function failure(xml: string): D115Error {
  try {
    parseCstaMessage(xml);
  } catch (error) {
    return error as D115Error;
  }
  throw new Error('expected the document to be rejected');
}

describe('parseCstaMessage', () => {
  it.each([
    ['edition 3, default namespace', delivered('xmlns="http://www.ecma-international.org/standards/ecma-323/csta/ed3"')],
    ['edition 5, csta: prefix', delivered('xmlns:csta="http://www.ecma-international.org/standards/ecma-323/csta/ed5"', 'csta')],
    ['edition 6, other prefix', delivered('xmlns:x="http://www.ecma-international.org/standards/ecma-323/csta/ed6"', 'x')],
    ['no namespace', delivered('')],
    ['an undeclared prefix', delivered('', 'csta')],
  ])('reads a DeliveredEvent in %s', (_, xml) => {
    expect(parseCstaMessage(xml)).toEqual(expected);
  });

  it('reads the message inside a wrapper element and ignores unknown elements', () => {
    const xml = `<Envelope><Header><x>1</x></Header>${delivered('')
      .replace(/^<\?xml[^>]*>/, '')
      .replace('<cause>', '<unknownThing a="1"><deep/></unknownThing><cause>')}</Envelope>`;
    expect(parseCstaMessage(xml)).toEqual(expected);
  });

  it('reads the parts of a TransferedEvent (and the correctly spelled TransferredEvent)', () => {
    const body = `<primaryOldCall><callID>1</callID><deviceID>2001</deviceID></primaryOldCall>
      <secondaryOldCall><callID>2</callID><deviceID>2001</deviceID></secondaryOldCall>
      <transferringDevice><deviceIdentifier>2001</deviceIdentifier></transferringDevice>
      <transferredToDevice><deviceIdentifier>2002</deviceIdentifier></transferredToDevice>
      <transferredConnections><connectionListItem><newConnection><callID>3</callID><deviceID>2002</deviceID></newConnection>
      <oldConnection><callID>2</callID><deviceID>2002</deviceID></oldConnection></connectionListItem></transferredConnections><cause>transfer</cause>`;
    for (const root of ['TransferedEvent', 'TransferredEvent']) {
      const message = parseCstaMessage(`<${root}>${body}</${root}>`);
      expect(message).toMatchObject({
        type: 'Transfered',
        connection: { callId: '1', deviceId: '2001' },
        devices: { transferring: { number: '2001' }, transferredTo: { number: '2002' } },
        transfer: { primaryOldCall: { callId: '1' }, secondaryOldCall: { callId: '2' }, newConnections: [{ callId: '3', deviceId: '2002' }] },
      });
    }
  });

  it.each([
    ['<callingDevice><notKnown/></callingDevice>'],
    ['<callingDevice><restricted/></callingDevice>'],
    ['<callingDevice><deviceIdentifier>anonymous</deviceIdentifier></callingDevice>'],
    ['<callingDevice><deviceIdentifier></deviceIdentifier></callingDevice>'],
    ['<callingDevice><deviceIdentifier><notKnown/></deviceIdentifier></callingDevice>'],
  ])('reads a withheld caller in %s', (calling) => {
    expect(parseCstaMessage(`<DeliveredEvent>${calling}</DeliveredEvent>`)).toMatchObject({ devices: { calling: { number: null, withheld: true } } });
  });

  it.each([
    ['N<+49301234567>', '+49301234567'],
    ['2001:CM1:0.0.0.0:0', '2001'],
    ['tel:+49 30 1234-567', '+49301234567'],
    ['sip:2001@pbx.example;user=phone', '2001'],
    ['+4989700712345;ext=12345', '+4989700712345'],
    ['Anonymous', null],
  ])('normalises the vendor spelling %s', (raw, number) => {
    expect(normaliseNumber(raw)).toBe(number);
  });

  it('reads responses and system status', () => {
    expect(parseCstaMessage('<MonitorStartResponse><monitorCrossRefID>12</monitorCrossRefID></MonitorStartResponse>')).toEqual({
      kind: 'monitor-started',
      monitorCrossRefId: '12',
    });
    expect(parseCstaMessage('<SystemStatus><systemStatus>normal</systemStatus></SystemStatus>')).toEqual({ kind: 'system-status', status: 'normal' });
    expect(parseCstaMessage('<CSTAErrorCode><operation>invalidMonitorObject</operation></CSTAErrorCode>')).toEqual({
      kind: 'error',
      operation: 'operation: invalidMonitorObject',
    });
    expect(parseCstaMessage('<HeldEvent><cause>hold</cause></HeldEvent>')).toEqual({ kind: 'ignored', element: 'HeldEvent' });
    expect(parseCstaMessage('<MonitorEndedEvent><monitorCrossRefID>12</monitorCrossRefID><cause>normal</cause></MonitorEndedEvent>')).toEqual({
      kind: 'monitor-ended',
      monitorCrossRefId: '12',
      cause: 'normal',
    });
  });

  it('reads the ECMA-354 application session answers', () => {
    const ns = 'xmlns="http://www.ecma-international.org/standards/ecma-354/appl_session"';
    expect(
      parseCstaMessage(
        `<StartApplicationSessionPosResponse ${ns}><sessionID>A1B2</sessionID><actualProtocolVersion>http://www.ecma-international.org/standards/ecma-323/csta/ed4</actualProtocolVersion><actualSessionDuration>120</actualSessionDuration></StartApplicationSessionPosResponse>`,
      ),
    ).toEqual({ kind: 'session-started', sessionId: 'A1B2', durationS: 120, protocolVersion: 'http://www.ecma-international.org/standards/ecma-323/csta/ed4' });
    expect(
      parseCstaMessage(
        `<StartApplicationSessionNegResponse ${ns}><errorCode><definedError>requestedProtocolVersionNotSupported</definedError></errorCode></StartApplicationSessionNegResponse>`,
      ),
    ).toEqual({ kind: 'session-refused', request: 'start', reason: 'definedError: requestedProtocolVersionNotSupported' });
    expect(
      parseCstaMessage(
        `<ResetApplicationSessionTimerNegResponse ${ns}><errorCode><definedError>invalidSessionID</definedError></errorCode></ResetApplicationSessionTimerNegResponse>`,
      ),
    ).toEqual({
      kind: 'session-refused',
      request: 'reset',
      reason: 'definedError: invalidSessionID',
    });
    expect(parseCstaMessage(`<ResetApplicationSessionTimerPosResponse ${ns}/>`)).toEqual({ kind: 'session-timer-reset', durationS: undefined });
    expect(
      parseCstaMessage(
        `<StopApplicationSession ${ns}><sessionID>A1B2</sessionID><sessionEndReason><definedEndReason>normal</definedEndReason></sessionEndReason></StopApplicationSession>`,
      ),
    ).toEqual({
      kind: 'session-stopped',
      reason: 'definedEndReason: normal',
    });
  });

  it('reads the calls of a SnapshotDeviceResponse, and one whose data comes later in events', () => {
    const info = (id: string) =>
      `<snapshotDeviceResponseInfo><connectionIdentifier><callID>${id}</callID><deviceID>2001</deviceID></connectionIdentifier><localCallState><compoundCallState><localConnectionState>hold</localConnectionState></compoundCallState></localCallState></snapshotDeviceResponseInfo>`;
    expect(
      parseCstaMessage(
        `<SnapshotDeviceResponse><crossRefIDorSnapshotData><snapshotData>${info('7')}${info('9')}</snapshotData></crossRefIDorSnapshotData></SnapshotDeviceResponse>`,
      ),
    ).toEqual({
      kind: 'snapshot',
      callIds: ['7', '9'],
      deferred: false,
    });
    expect(
      parseCstaMessage(
        '<SnapshotDeviceResponse><crossRefIDorSnapshotData><serviceCrossRefID>5</serviceCrossRefID></crossRefIDorSnapshotData></SnapshotDeviceResponse>',
      ),
    ).toEqual({
      kind: 'snapshot',
      callIds: [],
      deferred: true,
    });
  });

  it.each([
    ['a tag left open', '<DeliveredEvent><connection><callID>1</callID></DeliveredEvent>'],
    ['text that is no XML', 'hello'],
    ['an empty document', ''],
    ['two roots', '<a/><b/>'],
    ['an undefined entity', '<DeliveredEvent>&boom;</DeliveredEvent>'],
    ['a DOCTYPE (entity expansion)', '<!DOCTYPE x [<!ENTITY a "aaaa">]><DeliveredEvent>&a;</DeliveredEvent>'],
  ])('rejects %s with a clear coded error', (_, xml) => {
    const error = failure(xml);
    expect(error).toBeInstanceOf(D115Error);
    expect(error.code).toBe(CstaErrorCode.XML_MALFORMED);
    expect(error.message).toMatch(/^CSTA message (is not well-formed XML: .+|holds no XML element)$/);
  });
});
