import { Socket, createConnection } from 'node:net';
import { childLogger } from '@d115/observability';
import { telephonyMetrics } from '../../shared/telephony.metrics';
import { TelephonyWarning } from '../../shared/telephony-errors';
import { AmiCallTracker } from './ami-call-tracker';
import { AmiFrame, AmiFrameParser } from './ami-frame-parser';
import { AmiEndpoint } from './ami-url';
import { SignalBatcher } from './signal-batcher';

export interface AmiConnectionDeps {
  endpoint: AmiEndpoint;
  tracker: AmiCallTracker;
  batcher: SignalBatcher;
  backoffMs: number[];
  /** A `Ping` action this often; a session that answers none within the same time is dropped and reconnected. */
  pingMs: number;
  /** External ids of the calls the store holds live for this pbx (reconciliation after a reconnect). */
  storedLive: () => Promise<string[]>;
}

type Phase = 'banner' | 'login' | 'listing' | 'streaming';

/**
 * One Asterisk manager session, kept up for the service's lifetime: reads the banner, logs
 * in, lists the channels (CoreShowChannels) to reconcile the calls that were in progress,
 * then follows the event stream. A lost connection is retried with backoff; garbage and
 * unknown events are counted and logged, never fatal.
 */
export class AmiConnection {
  private readonly logger;
  private socket?: Socket;
  private stopped = false;
  private attempt = 0;
  private phase: Phase = 'banner';
  private listed = new Set<string>();
  private readonly warnedEvents = new Set<string>();
  private timer?: NodeJS.Timeout;
  private pinger?: NodeJS.Timeout;
  /** When the PBX last answered anything (a silent half-open TCP session is noticed by the pings). */
  private lastHeardAt = 0;
  private connectedAt = 0;
  private sequence = 0;
  /** Set once logged in and reconciled (tests and the bench wait for it). */
  ready = false;
  sessions = 0;

  constructor(private readonly deps: AmiConnectionDeps) {
    this.logger = childLogger('ami').child({ pbx: deps.endpoint.pbx });
  }

  start(): void {
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.pinger);
    if (this.socket && !this.socket.destroyed) {
      this.send({ action: 'Logoff' });
      this.socket.destroy();
    }
    await this.deps.batcher.stop();
  }

  /** Resumes reading when the sink has caught up. */
  resume(): void {
    if (this.socket?.isPaused()) this.socket.resume();
  }

  private connect(): void {
    if (this.stopped) return;
    const { host, port } = this.deps.endpoint;
    const parser = new AmiFrameParser();
    this.phase = 'banner';
    this.ready = false;
    const socket = createConnection({ host, port });
    this.socket = socket;
    this.connectedAt = this.lastHeardAt = Date.now();
    clearInterval(this.pinger);
    this.pinger = setInterval(() => this.ping(), this.deps.pingMs);
    this.pinger.unref();
    socket.setEncoding('utf8');
    socket.setKeepAlive(true, 30000);
    socket.on('data', (chunk: string) => this.receive(parser, chunk));
    socket.on('error', (error) => this.logger.warn({ code: TelephonyWarning.AMI_CONNECTION_LOST, err: error }, 'AMI connection error'));
    socket.on('close', () => {
      if (this.socket !== socket) return;
      clearInterval(this.pinger);
      this.ready = false;
      if (this.stopped) return;
      const delay = this.deps.backoffMs[Math.min(this.attempt, this.deps.backoffMs.length - 1)];
      this.attempt++;
      this.logger.warn({ code: TelephonyWarning.AMI_CONNECTION_LOST, retryInMs: delay }, 'AMI connection lost; reconnecting');
      this.timer = setTimeout(() => this.connect(), delay);
    });
  }

  private receive(parser: AmiFrameParser, chunk: string): void {
    const receivedAt = new Date();
    this.lastHeardAt = receivedAt.getTime();
    const { frames, garbage } = parser.feed(chunk);
    if (garbage > 0) {
      telephonyMetrics.adapterWarnings.inc({ adapter: 'ami', code: TelephonyWarning.AMI_GARBAGE }, garbage);
      this.logger.warn({ code: TelephonyWarning.AMI_GARBAGE, lines: garbage }, 'garbage on the AMI stream skipped');
    }
    for (const frame of frames) this.frame(frame, receivedAt);
    if (this.deps.batcher.backlogged) this.socket?.pause();
  }

  private frame(frame: AmiFrame, receivedAt: Date): void {
    if (frame.banner) {
      this.phase = 'login';
      this.send({ action: 'Login', username: this.deps.endpoint.username, secret: this.deps.endpoint.secret, events: 'on' }, 'login');
      return;
    }
    if (frame.response) return this.response(frame);
    if (!frame.event) {
      telephonyMetrics.adapterWarnings.inc({ adapter: 'ami', code: TelephonyWarning.AMI_GARBAGE });
      return;
    }
    if (this.phase === 'listing' && frame.event.toLowerCase() === 'coreshowchannel') {
      const linkedid = frame.linkedid || frame.uniqueid;
      if (linkedid) this.listed.add(linkedid);
    }
    if (this.phase === 'listing' && frame.event.toLowerCase() === 'coreshowchannelscomplete') {
      void this.reconcile(receivedAt);
      return;
    }
    this.deps.tracker.handle(frame, receivedAt);
  }

  private response(frame: AmiFrame): void {
    const action = frame.actionid?.split('-')[0];
    if (action === 'login') {
      if (!/^success$/i.test(frame.response)) {
        this.logger.error({ code: TelephonyWarning.AMI_LOGIN_FAILED, message: frame.message }, 'AMI login refused');
        telephonyMetrics.adapterWarnings.inc({ adapter: 'ami', code: TelephonyWarning.AMI_LOGIN_FAILED });
        this.socket?.destroy();
        return;
      }
      this.phase = 'listing';
      this.listed = new Set();
      this.deps.tracker.resetChannels();
      this.send({ action: 'CoreShowChannels' }, 'channels');
    } else if (action === 'channels' && !/^success$/i.test(frame.response)) {
      // Without a listing nothing can be reconciled; follow the stream and leave stale calls to the reaper.
      this.logger.warn({ message: frame.message }, 'CoreShowChannels refused');
      this.streaming();
    }
  }

  private async reconcile(at: Date): Promise<void> {
    try {
      this.deps.tracker.reconcile(this.listed, await this.deps.storedLive(), at);
    } catch (error) {
      this.logger.warn({ err: error }, 'reconciliation after reconnect failed; stale calls are left to the reaper');
    }
    this.streaming();
  }

  private streaming(): void {
    this.phase = 'streaming';
    this.attempt = 0;
    this.sessions++;
    this.ready = true;
    this.logger.info('AMI session ready');
  }

  /** Keep-alive and handshake deadline: a silent session, or one not logged in and listed in time, is replaced. */
  private ping(): void {
    const now = Date.now();
    const silent = now - this.lastHeardAt > 2 * this.deps.pingMs;
    const stuck = this.phase !== 'streaming' && now - this.connectedAt > 2 * this.deps.pingMs;
    if (silent || stuck) {
      this.logger.warn({ code: TelephonyWarning.AMI_CONNECTION_LOST, phase: this.phase, silentMs: now - this.lastHeardAt }, 'AMI session silent; reconnecting');
      this.socket?.destroy();
      return;
    }
    if (this.phase === 'streaming') this.send({ action: 'Ping' }, 'ping');
  }

  /** Unknown event types: counted always, logged once per type and connection. */
  unknownEvent(event: string): void {
    telephonyMetrics.adapterWarnings.inc({ adapter: 'ami', code: TelephonyWarning.AMI_UNKNOWN_EVENT });
    if (this.warnedEvents.has(event) || this.warnedEvents.size > 200) return;
    this.warnedEvents.add(event);
    this.logger.warn({ code: TelephonyWarning.AMI_UNKNOWN_EVENT, event }, 'unknown AMI event ignored');
  }

  private send(headers: Record<string, string>, id?: string): void {
    const lines = Object.entries(headers).map(([name, value]) => `${name[0].toUpperCase()}${name.slice(1)}: ${value}`);
    if (id) lines.push(`ActionID: ${id}-${++this.sequence}`);
    this.socket?.write(`${lines.join('\r\n')}\r\n\r\n`);
  }
}
