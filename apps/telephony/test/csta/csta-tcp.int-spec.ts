import { CstaErrorCode } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { CstaDevicesPlan } from '../../src/adapters/csta/calls/csta-devices-plan';
import { CstaConnection } from '../../src/adapters/csta/connection/csta-connection';
import { parseCstaUrls } from '../../src/adapters/csta/connection/csta-endpoint';
import { CstaIngest } from '../../src/adapters/csta/csta-ingest';
import { cstaMetrics } from '../../src/adapters/csta/csta.metrics';
import { encodeCstaFrame } from '../../src/adapters/csta/framing/csta-frame';
import { CollectingSink } from '../support/collecting-sink';
import { selfSignedCertificate } from '../support/self-signed';
import { cstaRecording, cstaStream, CstaTestServer } from '../support/csta-test-server';
import { EXPECTED_SIGNALS, FIXTURE_DEVICES, withoutPbxAndTime } from './csta-fixtures';

const DEVICES = [...FIXTURE_DEVICES.monitored, ...FIXTURE_DEVICES.queues];

async function warningsOf(pbx: string, code: string): Promise<number> {
  const { values } = await cstaMetrics.warnings.get();
  return values.find((v) => v.labels.pbx === pbx && v.labels.code === code)?.value ?? 0;
}

describe('CSTA over TCP', () => {
  let server: CstaTestServer;
  let sink: CollectingSink;
  let connection: CstaConnection;
  let pbx: string;
  let count = 0;

  async function connect(options: Partial<{ keepaliveMs: number; tlsCa: string }> = {}): Promise<void> {
    pbx = `tcp-test-${++count}`;
    const [endpoint] = parseCstaUrls(`${options.tlsCa ? server.url.replace('tcp:', 'tls:') : server.url}#${pbx}`);
    const plan = new CstaDevicesPlan(FIXTURE_DEVICES.monitored, FIXTURE_DEVICES.trunks, FIXTURE_DEVICES.queues);
    connection = new CstaConnection(endpoint, new CstaIngest(plan), sink, {
      devices: plan.devicesToMonitor,
      keepaliveMs: options.keepaliveMs ?? 30000,
      maxBackoffMs: 200,
      sinkRetryMs: 20,
      tlsCa: options.tlsCa,
    });
    connection.start();
    await waitFor(() => server.monitorStarts.length >= DEVICES.length, 'MonitorStart for every device');
  }

  beforeEach(async () => {
    server = await CstaTestServer.start({ refuse: [] });
    sink = new CollectingSink();
  });

  afterEach(async () => {
    await connection?.stop();
    await server.close();
  });

  it('starts a monitor on every configured device with 4-digit invoke ids', async () => {
    await connect();
    expect(server.monitorStarts.sort()).toEqual([...DEVICES].sort());
    const invokeIds = server.received.filter((r) => r.root === 'MonitorStart').map((r) => r.invokeId);
    expect(invokeIds.every((id) => /^\d{4}$/.test(id ?? ''))).toBe(true);
    expect(new Set(invokeIds).size).toBe(invokeIds.length);
    await waitFor(async () => ((await cstaMetrics.connected.get()).values.find((v) => v.labels.pbx === pbx)?.value ?? 0) === 1, 'connected gauge');
  });

  it.each(Object.keys(EXPECTED_SIGNALS))('turns the recording %s into its signals', async (name) => {
    await connect();
    server.send(cstaStream(cstaRecording(name)));
    const expected = EXPECTED_SIGNALS[name];
    await waitFor(() => sink.signals.length >= expected.length, `${expected.length} signals`);
    expect(withoutPbxAndTime(sink.signals)).toEqual(expected);
    expect(sink.signals.every((signal) => signal.pbx === pbx)).toBe(true);
  });

  it('reads every recording back to back in odd-sized pieces, as a slow network delivers them', async () => {
    await connect();
    const names = Object.keys(EXPECTED_SIGNALS);
    await server.sendInPieces(cstaStream(names.flatMap(cstaRecording)), [1, 7, 3, 512, 2, 1500, 5]);
    const expected = names.flatMap((name) => EXPECTED_SIGNALS[name]);
    await waitFor(() => sink.signals.length >= expected.length, 'all signals');
    expect(withoutPbxAndTime(sink.signals)).toEqual(expected);
  });

  it('survives garbage, a bad length and malformed XML on the socket: warns, counts, keeps the connection', async () => {
    await connect();
    const [delivered, established, clearedCaller] = cstaRecording('inbound-answered');
    const badLength = encodeCstaFrame(established, '9999');
    badLength.writeUInt16BE(badLength.length + 500, 2);
    server.send(
      Buffer.concat([
        encodeCstaFrame(delivered, '9999'),
        Buffer.from('\xff\xfeNOT CSTA AT ALL'),
        encodeCstaFrame('<EstablishedEvent><establishedConnection><callID>101</callID></EstablishedEvent>', '9999'),
        badLength,
        encodeCstaFrame(established, '9999'),
        encodeCstaFrame(clearedCaller, '9999'),
      ]),
    );
    await waitFor(() => sink.signals.some((s) => s.kind === 'ended'), 'the call to end');
    expect(withoutPbxAndTime(sink.signals)).toEqual(EXPECTED_SIGNALS['inbound-answered']);
    expect(await warningsOf(pbx, CstaErrorCode.FRAME_INVALID)).toBe(2);
    expect(await warningsOf(pbx, CstaErrorCode.XML_MALFORMED)).toBe(1);
    expect(server.connections).toBe(1);
    expect(server.monitorStarts).toHaveLength(DEVICES.length);
  });

  it('reconnects with backoff after losing the connection, monitors again and continues a call the snapshot still lists', async () => {
    await connect();
    const [delivered, established, clearedCaller] = cstaRecording('inbound-answered');
    server.send(cstaStream([delivered, established]));
    await waitFor(() => sink.signals.length >= 3, 'offered, ringing, answered');
    server.liveCalls.set('2001', ['101']);
    server.dropClients();
    await waitFor(() => server.monitorStarts.length >= 2 * DEVICES.length && server.connections === 1, 'a second connection with its monitors');
    await waitFor(() => server.received.filter((r) => r.root === 'SnapshotDevice').length === DEVICES.length, 'a snapshot of every device');
    server.send(cstaStream([clearedCaller]));
    await waitFor(() => sink.signals.length >= 4, 'the end');
    expect(withoutPbxAndTime(sink.signals)).toEqual(EXPECTED_SIGNALS['inbound-answered']);
  });

  it('finishes the calls that ended while the connection was down (no device lists them after the reconnect)', async () => {
    await connect();
    const [delivered, established] = cstaRecording('inbound-answered');
    const [queuedDelivered, queued] = cstaRecording('queue-abandoned');
    server.send(cstaStream([delivered, established, queuedDelivered, queued]));
    await waitFor(() => sink.signals.length >= 5, 'two calls in progress');
    server.liveCalls.set('3000', ['999']);
    server.dropClients();
    await waitFor(() => sink.signals.filter((s) => s.kind === 'ended').length === 2, 'both calls ended by the reconciliation');
    expect(withoutPbxAndTime(sink.signals.filter((s) => s.kind === 'ended'))).toEqual([
      { externalCallId: '101', kind: 'ended', outcome: 'answered' },
      { externalCallId: '104', kind: 'ended', outcome: 'abandoned' },
    ]);
    // Late events about them change nothing.
    server.send(cstaStream(cstaRecording('inbound-answered').slice(2)));
    server.send(cstaStream(cstaRecording('diverted')));
    await waitFor(() => sink.signals.some((s) => s.externalCallId === '105' && s.kind === 'ended'), 'the next call');
    expect(sink.of('101')).toHaveLength(4);
  });

  it('leaves the calls alone when the server refuses the snapshot', async () => {
    await connect();
    const [delivered, established, clearedCaller] = cstaRecording('inbound-answered');
    server.send(cstaStream([delivered, established]));
    await waitFor(() => sink.signals.length >= 3, 'the call in progress');
    server.refuseSnapshots = true;
    server.dropClients();
    await waitFor(async () => (await warningsOf(pbx, CstaErrorCode.REQUEST_REFUSED)) === DEVICES.length, 'the refusals');
    server.send(cstaStream([clearedCaller]));
    await waitFor(() => sink.signals.length >= 4, 'the end from its own event');
    expect(withoutPbxAndTime(sink.signals)).toEqual(EXPECTED_SIGNALS['inbound-answered']);
  });

  it('keeps retrying a batch while the sink refuses it, frames arriving meanwhile waiting in order, and loses nothing', async () => {
    await connect();
    sink.refuse = 3;
    server.send(cstaStream(cstaRecording('queue-abandoned')));
    await waitFor(() => sink.signals.length >= EXPECTED_SIGNALS['queue-abandoned'].length, 'all signals after the retries');
    expect(sink.refused).toBe(3);
    expect(withoutPbxAndTime(sink.signals)).toEqual(EXPECTED_SIGNALS['queue-abandoned']);
  });

  it("answers the server's SystemStatus with the same invoke id and sends its own keepalive", async () => {
    await connect({ keepaliveMs: 100 });
    server.send(encodeCstaFrame('<SystemStatus><systemStatus>normal</systemStatus></SystemStatus>', '0042'));
    await waitFor(() => server.received.some((r) => r.root === 'SystemStatusResponse' && r.invokeId === '0042'), 'the SystemStatusResponse');
    await waitFor(() => server.received.some((r) => r.root === 'SystemStatus'), "the client's keepalive");
    expect(server.connections).toBe(1);
  });

  it('drops a silent connection after three keepalive intervals and connects again', async () => {
    await connect({ keepaliveMs: 100 });
    server.ignoreKeepalive = true;
    await waitFor(() => server.monitorStarts.length >= 2 * DEVICES.length, 'a new connection after silence', { timeoutMs: 5000 });
  });

  it('starts a monitor again when the server ends it (MonitorEndedEvent)', async () => {
    await connect();
    const crossRef = server.crossRefs.get('2002');
    server.send(
      encodeCstaFrame(`<MonitorEndedEvent><monitorCrossRefID>${crossRef}</monitorCrossRefID><cause>resourcesNotAvailable</cause></MonitorEndedEvent>`, '9999'),
    );
    await waitFor(() => server.monitorStarts.filter((device) => device === '2002').length === 2, 'a second MonitorStart for 2002');
    expect(server.crossRefs.get('2002')).not.toBe(crossRef);
    expect(server.monitorStarts).toHaveLength(DEVICES.length + 1);
    expect(server.connections).toBe(1);
  });

  it('speaks TLS to a tls:// server, verifying its certificate', async () => {
    await server.close();
    const certificate = selfSignedCertificate();
    server = await CstaTestServer.start({ tls: certificate });
    await connect({ tlsCa: certificate.cert });
    server.send(cstaStream(cstaRecording('inbound-answered')));
    await waitFor(() => sink.signals.length >= 4, 'the call over TLS');
    expect(withoutPbxAndTime(sink.signals)).toEqual(EXPECTED_SIGNALS['inbound-answered']);
  });

  it('does not talk to a tls:// server whose certificate it cannot verify', async () => {
    await server.close();
    server = await CstaTestServer.start({ tls: selfSignedCertificate() });
    pbx = `tcp-test-${++count}`;
    const [endpoint] = parseCstaUrls(`${server.url.replace('tcp:', 'tls:')}#${pbx}`);
    connection = new CstaConnection(endpoint, new CstaIngest(new CstaDevicesPlan(DEVICES)), sink, {
      devices: DEVICES,
      keepaliveMs: 30000,
      maxBackoffMs: 100,
      sinkRetryMs: 20,
    });
    connection.start();
    await waitFor(async () => ((await cstaMetrics.reconnects.get()).values.find((v) => v.labels.pbx === pbx)?.value ?? 0) >= 2, 'refused handshakes');
    expect(server.monitorStarts).toEqual([]);
  });

  it('warns when the server refuses to monitor a device and keeps the others', async () => {
    await server.close();
    server = await CstaTestServer.start({ refuse: ['2002'] });
    await connect();
    await waitFor(async () => (await warningsOf(pbx, CstaErrorCode.REQUEST_REFUSED)) === 1, 'a refused-request warning');
    server.send(cstaStream(cstaRecording('inbound-answered')));
    await waitFor(() => sink.signals.length >= 4, 'the call on 2001');
  });
});
