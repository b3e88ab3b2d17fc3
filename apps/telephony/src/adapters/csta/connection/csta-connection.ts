import { connect, isIP, Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { CstaErrorCode } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { CallSignal, CallSignalSink } from '../../../calls/call-signal';
import { CstaIngest } from '../csta-ingest';
import { cstaMetrics } from '../csta.metrics';
import { CstaFrame, encodeCstaFrame, InvokeIds } from '../framing/csta-frame';
import { CstaFrameReader } from '../framing/csta-frame-reader';
import { CstaEndpoint } from './csta-endpoint';
import { systemStatus } from './csta-requests';
import { ApplicationSessionOptions, CstaSession } from './csta-session';

/** Frames read but not yet handled at which the socket pauses (the server's TCP window fills up). */
const MAX_WAITING_FRAMES = 5000;

/** Frames of one TCP chunk and when they arrived (CSTA events carry no time of their own). */
interface Arrival {
  frames: CstaFrame[];
  at: Date;
}

export interface CstaConnectionOptions {
  /** Devices to monitor (MonitorStart each after every connect). */
  devices: string[];
  /** SystemStatus keepalive interval; silence for three intervals drops the connection. */
  keepaliveMs: number;
  /** Longest wait between reconnect attempts (the backoff doubles from 500 ms up to this). */
  maxBackoffMs: number;
  /** Retry interval while the sink cannot take signals (the database is down). */
  sinkRetryMs: number;
  /** For `tls://` servers: CA certificates (PEM) to trust instead of the system's. */
  tlsCa?: string;
  /** The ECMA-354 application session to ask for before monitoring (none when absent). */
  session?: ApplicationSessionOptions;
}

/**
 * The TCP connection to one CSTA server: connects, asks for an application session (ECMA-354,
 * see `CstaSession`), starts a monitor on every configured device,
 * answers the server's SystemStatus and sends its own as keepalive, reads frames (stamped on
 * arrival) and hands the events' signals to the sink in order, a batch of whatever arrived while
 * the previous batch was stored. When too many frames wait (a slow or unavailable database) the
 * socket pauses, so the server slows down rather than the service filling its memory. Lost connection or silence
 * → reconnect with backoff and monitor again; nothing here ever throws out of its loop.
 */
export class CstaConnection {
  private readonly logger = childLogger('csta');
  private readonly invokeIds = new InvokeIds();
  private running = false;
  private socket?: Socket;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    readonly endpoint: CstaEndpoint,
    private readonly ingest: CstaIngest,
    private readonly sink: CallSignalSink,
    private readonly options: CstaConnectionOptions,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.socket?.destroy();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const monitored = await this.session();
      cstaMetrics.connected.set({ pbx: this.endpoint.pbx }, 0);
      if (!this.running) break;
      cstaMetrics.reconnects.inc({ pbx: this.endpoint.pbx });
      failures = monitored ? 1 : failures + 1;
      const delay = Math.min(500 * 2 ** (failures - 1), this.options.maxBackoffMs);
      this.logger.warn({ pbx: this.endpoint.pbx, failures, delayMs: delay }, 'CSTA connection lost; reconnecting');
      await this.sleep(delay);
    }
  }

  /** One connection from connect to close; resolves whether a monitor was started on it. */
  private session(): Promise<boolean> {
    return new Promise((resolve) => {
      const { pbx, host, port } = this.endpoint;
      const socket = (this.socket = this.open());
      const reader = new CstaFrameReader((warning) => this.ingest.warn(pbx, warning.code, warning.message));
      let lastHeard = Date.now();
      let work = Promise.resolve();
      // Frames are stamped as they arrive and handled in order; the socket pauses only when too many wait.
      const queue: Arrival[] = [];
      let waiting = 0;
      let draining = false;
      const drain = async () => {
        draining = true;
        while (queue.length > 0) {
          const arrivals = queue.splice(0);
          const count = arrivals.reduce((n, arrival) => n + arrival.frames.length, 0);
          await this.handle(arrivals, session).catch((error: unknown) =>
            this.logger.error({ pbx, err: error }, 'CSTA frames could not be handled; reading on'),
          );
          waiting -= count;
          if (socket.isPaused() && waiting < MAX_WAITING_FRAMES && !socket.destroyed) socket.resume();
        }
        draining = false;
      };
      let keepalive: NodeJS.Timeout | undefined;
      const send = (xml: string, invokeId = this.invokeIds.next()) => {
        if (!socket.destroyed) socket.write(encodeCstaFrame(xml, invokeId));
        return invokeId;
      };
      const session = new CstaSession(pbx, this.ingest, send, this.ingest.inProgress(pbx), this.options.session, () => socket.destroy());

      socket.setNoDelay(true);
      socket.on(this.endpoint.tls ? 'secureConnect' : 'connect', () => {
        this.logger.info({ pbx, host, port, devices: this.options.devices.length }, 'CSTA connected; starting monitors');
        session.start(this.options.devices);
        keepalive = setInterval(() => {
          if (Date.now() - lastHeard > 3 * this.options.keepaliveMs) {
            this.ingest.warn(pbx, CstaErrorCode.FRAME_INVALID, `no data from the CSTA server for ${3 * this.options.keepaliveMs} ms; reconnecting`);
            socket.destroy();
          } else send(systemStatus());
        }, this.options.keepaliveMs);
      });
      socket.on('data', (chunk: Buffer) => {
        lastHeard = Date.now();
        const frames = reader.push(chunk);
        if (frames.length === 0) return;
        queue.push({ frames, at: new Date() });
        waiting += frames.length;
        if (waiting >= MAX_WAITING_FRAMES) socket.pause();
        if (!draining) work = drain();
      });
      socket.on('error', (error) => {
        if (this.running) this.logger.warn({ pbx, err: error }, 'CSTA connection error');
      });
      socket.on('close', () => {
        clearInterval(keepalive);
        session.close();
        void work.then(() => resolve(session.monitored));
      });
    });
  }

  private open(): Socket {
    const { host, port, tls } = this.endpoint;
    if (!tls) return connect({ host, port });
    return connectTls({ host, port, servername: isIP(host) ? undefined : host, ca: this.options.tlsCa });
  }

  private async handle(arrivals: Arrival[], session: CstaSession): Promise<void> {
    const { pbx } = this.endpoint;
    const signals: CallSignal[] = [];
    const wasMonitored = session.monitored;
    for (const { frames, at } of arrivals) {
      for (const frame of frames) {
        const { message, signals: more } = this.ingest.ingest(pbx, frame.xml, at);
        signals.push(...more);
        const reconciliation = message && message.kind !== 'event' ? session.onMessage(message, frame.invokeId) : undefined;
        if (reconciliation) signals.push(...this.ingest.reconcile(pbx, reconciliation, at));
      }
    }
    if (session.monitored && !wasMonitored) cstaMetrics.connected.set({ pbx }, 1);
    await this.deliver(signals);
  }

  /** Hands signals to the sink; while it fails (database down) retries; frames arriving meanwhile wait their turn. */
  private async deliver(signals: CallSignal[]): Promise<void> {
    while (signals.length > 0) {
      try {
        await this.sink.accept(signals);
        return;
      } catch (error) {
        this.logger.error({ pbx: this.endpoint.pbx, err: error, signals: signals.length }, 'call signals not stored; retrying');
        if (!this.running) return;
        await this.sleep(this.options.sinkRetryMs);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
