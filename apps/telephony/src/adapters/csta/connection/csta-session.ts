import { CstaErrorCode } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { CstaIngest, Reconciliation } from '../csta-ingest';
import { CstaMessage } from '../parser/csta-message';
import { monitorStart, resetApplicationSessionTimer, snapshotDevice, startApplicationSession, systemStatusResponse } from './csta-requests';

/** The ECMA-354 application session a connection opens before it monitors. */
export interface ApplicationSessionOptions {
  applicationId: string;
  /** Requested session duration (s); 0: no session, monitors at once. */
  durationS: number;
  /** How long to wait for the answer before monitoring without a session (servers that do not know ECMA-354 stay silent). */
  waitMs: number;
}

/**
 * What one TCP connection to a CSTA server asked and was told: the monitors it started (and
 * starts again when the server ends one), and — when calls were in progress as it connected,
 * i.e. after a lost connection — a SnapshotDevice of every monitored device, so that calls which
 * ended while the connection was down can be finished. The snapshot counts only when every
 * device answered with its calls; a refusal or a snapshot delivered later in events
 * (`serviceCrossRefID`) leaves the calls to their own events or the call model's reaper.
 *
 * Before monitoring, the connection asks for an application session (ECMA-354
 * StartApplicationSession), which many servers require. A positive response starts the monitors
 * and a ResetApplicationSessionTimer every third of the granted duration; a negative response, an
 * error or silence for `waitMs` starts them without a session (servers that need none); the server
 * ending the session or refusing its keep-alive drops the connection, which reconnects afresh.
 */
export class CstaSession {
  private readonly logger = childLogger('csta');
  /** Invoke id → device of a MonitorStart not yet answered. */
  private readonly pendingMonitors = new Map<string, string>();
  /** monitorCrossRefID → device of a running monitor. */
  private readonly monitors = new Map<string, string>();
  /** Invoke id → device of a SnapshotDevice not yet answered. */
  private readonly pendingSnapshots = new Map<string, string>();
  private readonly live = new Set<string>();
  private snapshotUsable = true;
  private devices: readonly string[] = [];
  /** Invoke id of the StartApplicationSession not yet answered. */
  private pendingSession?: string;
  private sessionTimer?: NodeJS.Timeout;
  monitored = false;
  /** The application session's id, when the server granted one. */
  sessionId?: string;

  constructor(
    private readonly pbx: string,
    private readonly ingest: CstaIngest,
    private readonly send: (xml: string, invokeId?: string) => string,
    /** Call ids in progress when this connection opened. */
    private readonly known: string[],
    private readonly session: ApplicationSessionOptions = { applicationId: 'd115', durationS: 0, waitMs: 0 },
    /** Closes the connection (it reconnects with a new session). */
    private readonly drop: () => void = () => undefined,
  ) {}

  start(devices: readonly string[]): void {
    this.devices = devices;
    if (this.session.durationS <= 0) return this.startMonitors();
    this.pendingSession = this.send(startApplicationSession(this.session.applicationId, this.session.durationS));
    this.sessionTimer = setTimeout(() => this.withoutSession('no answer to StartApplicationSession'), this.session.waitMs);
  }

  /** The connection closed: no more timers. */
  close(): void {
    clearTimeout(this.sessionTimer);
    clearInterval(this.sessionTimer);
  }

  private startMonitors(): void {
    for (const device of this.devices) this.pendingMonitors.set(this.send(monitorStart(device)), device);
  }

  private sessionStarted(sessionId: string, grantedS: number | undefined): void {
    if (this.pendingSession === undefined) return;
    this.pendingSession = undefined;
    clearTimeout(this.sessionTimer);
    this.sessionId = sessionId;
    const durationS = grantedS ?? this.session.durationS;
    this.logger.info({ pbx: this.pbx, sessionId, durationS }, 'CSTA application session started');
    this.sessionTimer = setInterval(() => this.send(resetApplicationSessionTimer(sessionId, durationS)), Math.max((durationS * 1000) / 3, 50));
    this.startMonitors();
  }

  private withoutSession(why: string): void {
    if (this.pendingSession === undefined) return;
    this.pendingSession = undefined;
    clearTimeout(this.sessionTimer);
    this.ingest.warn(this.pbx, CstaErrorCode.REQUEST_REFUSED, `CSTA application session not started (${why}); monitoring without a session`);
    this.startMonitors();
  }

  private sessionLost(why: string): void {
    this.close();
    this.ingest.warn(this.pbx, CstaErrorCode.REQUEST_REFUSED, `CSTA application session ended (${why}); reconnecting`);
    this.drop();
  }

  /** Acts on a message that is not a call event; returns the reconciliation once the snapshots are complete. */
  onMessage(message: CstaMessage, invokeId: string | undefined): Reconciliation | undefined {
    switch (message.kind) {
      case 'monitor-started':
        return this.monitorStarted(message.monitorCrossRefId, invokeId);
      case 'monitor-ended': {
        // The server stopped a monitor (device reconfigured, housekeeping): start it again.
        const device = this.monitors.get(message.monitorCrossRefId);
        this.monitors.delete(message.monitorCrossRefId);
        this.logger.warn({ pbx: this.pbx, device, monitorCrossRefId: message.monitorCrossRefId, cause: message.cause }, 'CSTA monitor ended by the server');
        if (device) this.pendingMonitors.set(this.send(monitorStart(device)), device);
        return undefined;
      }
      case 'snapshot':
        return this.snapshot(invokeId, message.callIds, message.deferred);
      case 'system-status':
        this.send(systemStatusResponse(), invokeId ?? '9999');
        return undefined;
      case 'error':
        if (invokeId !== undefined && invokeId === this.pendingSession) {
          this.withoutSession(`refused: ${message.operation}`);
          return undefined;
        }
        return this.refused(invokeId, message.operation);
      case 'session-started':
        this.sessionStarted(message.sessionId, message.durationS);
        return undefined;
      case 'session-refused':
        if (message.request === 'start') this.withoutSession(`refused: ${message.reason}`);
        else this.sessionLost(`keep-alive refused: ${message.reason}`);
        return undefined;
      case 'session-stopped':
        if (this.sessionId) this.sessionLost(`stopped by the server: ${message.reason}`);
        return undefined;
      default:
        return undefined;
    }
  }

  private monitorStarted(crossRef: string, invokeId: string | undefined): Reconciliation | undefined {
    const device = invokeId ? this.pendingMonitors.get(invokeId) : undefined;
    if (invokeId) this.pendingMonitors.delete(invokeId);
    if (device) this.monitors.set(crossRef, device);
    this.monitored = true;
    this.logger.info({ pbx: this.pbx, device, monitorCrossRefId: crossRef }, 'CSTA monitor started');
    return this.afterMonitors();
  }

  private refused(invokeId: string | undefined, operation: string): Reconciliation | undefined {
    const monitor = invokeId ? this.pendingMonitors.get(invokeId) : undefined;
    const snapshot = invokeId ? this.pendingSnapshots.get(invokeId) : undefined;
    const what = monitor ? `MonitorStart for ${monitor}` : snapshot ? `SnapshotDevice for ${snapshot}` : 'a request';
    this.ingest.warn(this.pbx, CstaErrorCode.REQUEST_REFUSED, `CSTA server refused ${what}: ${operation}`);
    if (monitor) {
      this.pendingMonitors.delete(invokeId!);
      return this.afterMonitors();
    }
    if (snapshot) return this.snapshot(invokeId, [], true);
    return undefined;
  }

  /** Once every monitor is answered: snapshot the monitored devices if calls were in progress. */
  private afterMonitors(): Reconciliation | undefined {
    if (this.pendingMonitors.size > 0 || this.known.length === 0 || this.pendingSnapshots.size > 0 || !this.snapshotUsable) return undefined;
    const devices = [...new Set(this.monitors.values())];
    if (devices.length === 0) return undefined;
    for (const device of devices) this.pendingSnapshots.set(this.send(snapshotDevice(device)), device);
    return undefined;
  }

  private snapshot(invokeId: string | undefined, callIds: string[], unusable: boolean): Reconciliation | undefined {
    if (!invokeId || !this.pendingSnapshots.delete(invokeId)) return undefined;
    for (const id of callIds) this.live.add(id);
    if (unusable) this.snapshotUsable = false;
    if (this.pendingSnapshots.size > 0) return undefined;
    const usable = this.snapshotUsable;
    // One reconciliation per connection.
    this.snapshotUsable = false;
    if (!usable) {
      this.logger.warn({ pbx: this.pbx }, 'CSTA snapshot incomplete; calls in progress before the reconnect end by their events or the reaper');
      return undefined;
    }
    return { known: this.known, live: this.live };
  }
}
