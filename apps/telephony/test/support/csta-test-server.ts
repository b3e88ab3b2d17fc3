import { readFileSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { join } from 'node:path';
import { encodeCstaFrame } from '../../src/adapters/csta/framing/csta-frame';
import { CstaFrameReader } from '../../src/adapters/csta/framing/csta-frame-reader';
import { parseXmlTree } from '../../src/adapters/csta/parser/xml-tree';

const NS = 'http://www.ecma-international.org/standards/ecma-323/csta/ed3';
const SESSION_NS = 'http://www.ecma-international.org/standards/ecma-354/appl_session';

/**
 * How the server treats ECMA-354 application sessions: `grant` answers StartApplicationSession
 * and monitors with or without one; `required` refuses MonitorStart outside a session; `refuse`
 * answers StartApplicationSessionNegResponse; `silent` does not know the request and says nothing.
 */
export type SessionMode = 'grant' | 'required' | 'refuse' | 'silent';

/** The XML documents of a recording in `fixtures/csta/`, in order. */
export function cstaRecording(name: string): string[] {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'csta', `${name}.xml`), 'utf8');
  return text
    .split(/(?=<\?xml)/)
    .map((document) => document.trim())
    .filter((document) => document !== '');
}

/** A recording as the server puts it on the wire: one framed document after another (events carry invoke id 9999). */
export function cstaStream(documents: string[]): Buffer {
  return Buffer.concat(documents.map((xml) => encodeCstaFrame(xml, '9999')));
}

/**
 * A small CSTA server for tests on a real TCP socket (an ephemeral port): answers every
 * MonitorStart with a MonitorStartResponse (or a CSTAErrorCode for refused devices), a
 * SnapshotDevice with the calls the test says are live, and the client's SystemStatus with a
 * SystemStatusResponse, records what the client sent, and sends
 * whatever bytes the test gives it.
 */
export class CstaTestServer {
  readonly monitorStarts: string[] = [];
  /** Device → the monitorCrossRefID of its latest monitor. */
  readonly crossRefs = new Map<string, string>();
  readonly received: { invokeId?: string; root: string; xml: string }[] = [];
  /** Session ids granted, in order; the resets of the timer received. */
  readonly sessions: string[] = [];
  resets = 0;
  sessionMode: SessionMode = 'grant';
  /** The session duration the server grants (s). */
  grantedSessionS = 1;
  /** Device → the callIDs a SnapshotDevice of it lists (none when absent). */
  readonly liveCalls = new Map<string, string[]>();
  /** Answer SnapshotDevice with a CSTAErrorCode. */
  refuseSnapshots = false;
  /** Stop answering the client's SystemStatus (a server that went silent). */
  ignoreKeepalive = false;
  private readonly clients = new Set<Socket>();
  private crossRef = 10;

  private constructor(
    private readonly server: Server,
    private readonly refused: Set<string>,
  ) {}

  /** `tls`: serve TLS with this key and certificate (PEM). */
  static async start({ refuse = [], tls }: { refuse?: string[]; tls?: { key: string; cert: string } } = {}): Promise<CstaTestServer> {
    const server = tls ? createTlsServer(tls) : createServer();
    const sut = new CstaTestServer(server, new Set(refuse));
    server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => sut.accept(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return sut;
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  get connections(): number {
    return this.clients.size;
  }

  send(bytes: Buffer): void {
    for (const client of this.clients) client.write(bytes);
  }

  /** Sends bytes in pieces of the given sizes (cycled), as a slow network would deliver them. */
  async sendInPieces(bytes: Buffer, sizes: number[]): Promise<void> {
    for (let offset = 0, i = 0; offset < bytes.length; i++) {
      const size = sizes[i % sizes.length];
      this.send(bytes.subarray(offset, offset + size));
      offset += size;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Drops every client connection (the server stays up for reconnects). */
  dropClients(): void {
    for (const client of this.clients) client.destroy();
  }

  async close(): Promise<void> {
    this.dropClients();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    socket.on('error', () => undefined);
    const reader = new CstaFrameReader(() => undefined);
    socket.on('data', (chunk: Buffer) => {
      for (const frame of reader.push(chunk)) this.answer(socket, frame.xml, frame.invokeId);
    });
  }

  /** Ends every client's application session (StopApplicationSession from the server). */
  stopSessions(): void {
    this.send(
      encodeCstaFrame(
        `<StopApplicationSession xmlns="${SESSION_NS}"><sessionID>${this.sessions.at(-1)}</sessionID><sessionEndReason><definedEndReason>normal</definedEndReason></sessionEndReason></StopApplicationSession>`,
        '9999',
      ),
    );
  }

  private readonly inSession = new WeakSet<Socket>();

  private answer(socket: Socket, xml: string, invokeId?: string): void {
    const root = parseXmlTree(xml);
    this.received.push({ invokeId, root: root.name, xml });
    if (root.name === 'StartApplicationSession') {
      if (this.sessionMode === 'silent') return;
      if (this.sessionMode === 'refuse') {
        socket.write(
          encodeCstaFrame(
            `<StartApplicationSessionNegResponse xmlns="${SESSION_NS}"><errorCode><definedError>invalidApplicationInfo</definedError></errorCode></StartApplicationSessionNegResponse>`,
            invokeId,
          ),
        );
        return;
      }
      const sessionId = `S-${this.sessions.length + 1}`;
      this.sessions.push(sessionId);
      this.inSession.add(socket);
      socket.write(
        encodeCstaFrame(
          `<StartApplicationSessionPosResponse xmlns="${SESSION_NS}"><sessionID>${sessionId}</sessionID><actualProtocolVersion>${NS}</actualProtocolVersion><actualSessionDuration>${this.grantedSessionS}</actualSessionDuration></StartApplicationSessionPosResponse>`,
          invokeId,
        ),
      );
    } else if (root.name === 'ResetApplicationSessionTimer') {
      this.resets++;
      socket.write(encodeCstaFrame(`<ResetApplicationSessionTimerPosResponse xmlns="${SESSION_NS}"/>`, invokeId));
    } else if (root.name === 'MonitorStart' && this.sessionMode === 'required' && !this.inSession.has(socket)) {
      socket.write(encodeCstaFrame(`<CSTAErrorCode xmlns="${NS}"><operation>invalidCSTAApplicationCorrelator</operation></CSTAErrorCode>`, invokeId));
    } else if (root.name === 'MonitorStart') {
      const device = root.children[0]?.children[0]?.text.trim() ?? '';
      this.monitorStarts.push(device);
      const crossRef = String(++this.crossRef);
      if (!this.refused.has(device)) this.crossRefs.set(device, crossRef);
      const reply = this.refused.has(device)
        ? `<CSTAErrorCode xmlns="${NS}"><operation>invalidMonitorObject</operation></CSTAErrorCode>`
        : `<MonitorStartResponse xmlns="${NS}"><monitorCrossRefID>${crossRef}</monitorCrossRefID></MonitorStartResponse>`;
      socket.write(encodeCstaFrame(reply, invokeId));
    } else if (root.name === 'SnapshotDevice') {
      const device = root.children[0]?.text.trim() ?? '';
      const items = (this.liveCalls.get(device) ?? [])
        .map(
          (callId) =>
            `<snapshotDeviceResponseInfo><connectionIdentifier><callID>${callId}</callID><deviceID>${device}</deviceID></connectionIdentifier><localCallState><compoundCallState><localConnectionState>connected</localConnectionState></compoundCallState></localCallState></snapshotDeviceResponseInfo>`,
        )
        .join('');
      const reply = this.refuseSnapshots
        ? `<CSTAErrorCode xmlns="${NS}"><operation>generic</operation></CSTAErrorCode>`
        : `<SnapshotDeviceResponse xmlns="${NS}"><crossRefIDorSnapshotData><snapshotData>${items}</snapshotData></crossRefIDorSnapshotData></SnapshotDeviceResponse>`;
      socket.write(encodeCstaFrame(reply, invokeId));
    } else if (root.name === 'SystemStatus' && !this.ignoreKeepalive) {
      socket.write(encodeCstaFrame(`<SystemStatusResponse xmlns="${NS}"/>`, invokeId));
    }
  }
}
