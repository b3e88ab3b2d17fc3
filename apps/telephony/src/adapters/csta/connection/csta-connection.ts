import { connect, Socket } from 'node:net';
import { CstaErrorCode } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { CallSignal, CallSignalSink } from '../../../calls/call-signal';
import { CstaIngest } from '../csta-ingest';
import { cstaMetrics } from '../csta.metrics';
import { CstaFrame, encodeCstaFrame, InvokeIds } from '../framing/csta-frame';
import { CstaFrameReader } from '../framing/csta-frame-reader';
import { CstaEndpoint } from './csta-endpoint';
import { monitorStart, systemStatus, systemStatusResponse } from './csta-requests';

export interface CstaConnectionOptions {
  /** Devices to monitor (MonitorStart each after every connect). */
  devices: string[];
  /** SystemStatus keepalive interval; silence for three intervals drops the connection. */
  keepaliveMs: number;
  /** Longest wait between reconnect attempts (the backoff doubles from 500 ms up to this). */
  maxBackoffMs: number;
  /** Retry interval while the sink cannot take signals (the database is down). */
  sinkRetryMs: number;
}

/**
 * The TCP connection to one CSTA server: connects, starts a monitor on every configured device,
 * answers the server's SystemStatus and sends its own as keepalive, reads frames and hands the
 * events' signals to the sink in order. The socket is paused while the sink stores a batch, so
 * a slow database slows the server down rather than filling memory. Lost connection or silence
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
      const socket = (this.socket = connect({ host, port }));
      const reader = new CstaFrameReader((warning) => this.ingest.warn(pbx, warning.code, warning.message));
      const pending = new Map<string, string>();
      const monitors = new Map<string, string>();
      let monitored = false;
      let lastHeard = Date.now();
      let work = Promise.resolve();
      let keepalive: NodeJS.Timeout | undefined;
      const send = (xml: string, invokeId = this.invokeIds.next()) => {
        if (!socket.destroyed) socket.write(encodeCstaFrame(xml, invokeId));
        return invokeId;
      };
      const onMonitorStarted = () => {
        if (!monitored) cstaMetrics.connected.set({ pbx }, 1);
        monitored = true;
      };

      socket.setNoDelay(true);
      socket.on('connect', () => {
        this.logger.info({ pbx, host, port, devices: this.options.devices.length }, 'CSTA connected; starting monitors');
        for (const device of this.options.devices) pending.set(send(monitorStart(device)), device);
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
        socket.pause();
        work = work
          .then(() => this.handle(frames, { pending, monitors, send, onMonitorStarted }))
          .catch((error: unknown) => this.logger.error({ pbx, err: error }, 'CSTA frames could not be handled; reading on'))
          .then(() => {
            if (!socket.destroyed) socket.resume();
          });
      });
      socket.on('error', (error) => {
        if (this.running) this.logger.warn({ pbx, err: error }, 'CSTA connection error');
      });
      socket.on('close', () => {
        clearInterval(keepalive);
        void work.then(() => resolve(monitored));
      });
    });
  }

  private async handle(
    frames: CstaFrame[],
    session: {
      /** Invoke id → device of a MonitorStart not yet answered. */
      pending: Map<string, string>;
      /** monitorCrossRefID → device of a running monitor. */
      monitors: Map<string, string>;
      send: (xml: string, invokeId?: string) => string;
      onMonitorStarted: () => void;
    },
  ): Promise<void> {
    const { pbx } = this.endpoint;
    const receivedAt = new Date();
    const signals: CallSignal[] = [];
    for (const frame of frames) {
      const { message, signals: more } = this.ingest.ingest(pbx, frame.xml, receivedAt);
      signals.push(...more);
      const device = frame.invokeId ? session.pending.get(frame.invokeId) : undefined;
      if (message?.kind === 'monitor-started') {
        if (frame.invokeId) session.pending.delete(frame.invokeId);
        if (device) session.monitors.set(message.monitorCrossRefId, device);
        session.onMonitorStarted();
        this.logger.info({ pbx, device, monitorCrossRefId: message.monitorCrossRefId }, 'CSTA monitor started');
      } else if (message?.kind === 'monitor-ended') {
        // The server stopped a monitor (device reconfigured, server housekeeping): start it again.
        const ended = session.monitors.get(message.monitorCrossRefId);
        session.monitors.delete(message.monitorCrossRefId);
        this.logger.warn({ pbx, device: ended, monitorCrossRefId: message.monitorCrossRefId, cause: message.cause }, 'CSTA monitor ended by the server');
        if (ended) session.pending.set(session.send(monitorStart(ended)), ended);
      } else if (message?.kind === 'system-status') {
        session.send(systemStatusResponse(), frame.invokeId ?? '9999');
      } else if (message?.kind === 'error') {
        if (frame.invokeId) session.pending.delete(frame.invokeId);
        this.ingest.warn(
          pbx,
          CstaErrorCode.REQUEST_REFUSED,
          `CSTA server refused ${device ? `MonitorStart for ${device}` : 'a request'}: ${message.operation}`,
        );
      }
    }
    await this.deliver(signals);
  }

  /** Hands signals to the sink; while it fails (database down) retries, with the socket paused. */
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
