import { CstaErrorCode } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { CstaDevicesPlan } from '../../src/adapters/csta/calls/csta-devices-plan';
import { CstaConnection } from '../../src/adapters/csta/connection/csta-connection';
import { parseCstaUrls } from '../../src/adapters/csta/connection/csta-endpoint';
import { ApplicationSessionOptions } from '../../src/adapters/csta/connection/csta-session';
import { CstaIngest } from '../../src/adapters/csta/csta-ingest';
import { cstaMetrics } from '../../src/adapters/csta/csta.metrics';
import { CollectingSink } from '../support/collecting-sink';
import { cstaRecording, cstaStream, CstaTestServer, SessionMode } from '../support/csta-test-server';
import { EXPECTED_SIGNALS, FIXTURE_DEVICES, withoutPbxAndTime } from './csta-fixtures';

const DEVICES = [...FIXTURE_DEVICES.monitored, ...FIXTURE_DEVICES.queues];

async function refusals(pbx: string): Promise<number> {
  const { values } = await cstaMetrics.warnings.get();
  return values.find((v) => v.labels.pbx === pbx && v.labels.code === CstaErrorCode.REQUEST_REFUSED)?.value ?? 0;
}

/** ECMA-354 application sessions over a real TCP socket: asked for before monitoring, kept alive, and never required. */
describe('CSTA application session', () => {
  let server: CstaTestServer;
  let sink: CollectingSink;
  let connection: CstaConnection | undefined;
  let pbx: string;
  let count = 0;

  const connect = (mode: SessionMode, session: Partial<ApplicationSessionOptions> = {}) => {
    server.sessionMode = mode;
    pbx = `session-test-${++count}`;
    const [endpoint] = parseCstaUrls(`${server.url}#${pbx}`);
    const plan = new CstaDevicesPlan(FIXTURE_DEVICES.monitored, FIXTURE_DEVICES.trunks, FIXTURE_DEVICES.queues);
    connection = new CstaConnection(endpoint, new CstaIngest(plan), sink, {
      devices: plan.devicesToMonitor,
      keepaliveMs: 30000,
      maxBackoffMs: 200,
      sinkRetryMs: 20,
      session: { applicationId: 'd115-test', durationS: 3, waitMs: 150, ...session },
    });
    connection.start();
  };
  const monitorsRunning = () => waitFor(() => server.crossRefs.size >= DEVICES.length, 'a monitor on every device');

  beforeEach(async () => {
    server = await CstaTestServer.start();
    sink = new CollectingSink();
  });

  afterEach(async () => {
    await connection?.stop();
    connection = undefined;
    await server.close();
  });

  it('starts a session before the first MonitorStart on a server that requires one, keeps it alive and follows calls', async () => {
    connect('required', { waitMs: 5000 });
    await monitorsRunning();
    const first = server.received[0];
    expect(first.root).toBe('StartApplicationSession');
    expect(first.xml).toContain('<applicationID>d115-test</applicationID>');
    expect(first.xml).toContain('<protocolVersion>http://www.ecma-international.org/standards/ecma-323/csta/ed3</protocolVersion>');
    expect(first.xml).toContain('<requestedSessionDuration>3</requestedSessionDuration>');
    expect(server.monitorStarts.sort()).toEqual([...DEVICES].sort()); // none refused: every one came after the session

    // Granted 1 s: a reset every third of it, naming the session.
    await waitFor(() => server.resets >= 2, 'two ResetApplicationSessionTimer');
    expect(server.received.find((r) => r.root === 'ResetApplicationSessionTimer')?.xml).toContain('<sessionID>S-1</sessionID>');

    server.send(cstaStream(cstaRecording('inbound-answered')));
    const expected = EXPECTED_SIGNALS['inbound-answered'];
    await waitFor(() => sink.signals.length >= expected.length, 'the call');
    expect(withoutPbxAndTime(sink.signals)).toEqual(expected);
    expect(await refusals(pbx)).toBe(0);
  });

  it.each<[SessionMode]>([['refuse'], ['silent']])('monitors without a session when the server answers %s', async (mode) => {
    connect(mode);
    await monitorsRunning();
    expect(server.sessions).toEqual([]);
    expect(server.received.map((r) => r.root).indexOf('StartApplicationSession')).toBe(0);
    expect(await refusals(pbx)).toBe(1);
    expect(server.resets).toBe(0);
  });

  it('reconnects with a new session when the server ends the session', async () => {
    connect('grant', { durationS: 60 });
    await monitorsRunning();
    const starts = server.monitorStarts.length;
    server.stopSessions();
    await waitFor(() => server.sessions.length === 2 && server.monitorStarts.length >= starts + DEVICES.length, 'a second session and its monitors');
    expect(server.sessions).toEqual(['S-1', 'S-2']);
    expect(server.connections).toBe(1);
  });

  it('sends no session request when sessions are switched off', async () => {
    connect('grant', { durationS: 0 });
    await monitorsRunning();
    expect(server.received.some((r) => r.root === 'StartApplicationSession')).toBe(false);
  });
});
