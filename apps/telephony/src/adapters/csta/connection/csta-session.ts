import { CstaErrorCode } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { CstaIngest, Reconciliation } from '../csta-ingest';
import { CstaMessage } from '../parser/csta-message';
import { monitorStart, snapshotDevice, systemStatusResponse } from './csta-requests';

/**
 * What one TCP connection to a CSTA server asked and was told: the monitors it started (and
 * starts again when the server ends one), and — when calls were in progress as it connected,
 * i.e. after a lost connection — a SnapshotDevice of every monitored device, so that calls which
 * ended while the connection was down can be finished. The snapshot counts only when every
 * device answered with its calls; a refusal or a snapshot delivered later in events
 * (`serviceCrossRefID`) leaves the calls to their own events or the call model's reaper.
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
  monitored = false;

  constructor(
    private readonly pbx: string,
    private readonly ingest: CstaIngest,
    private readonly send: (xml: string, invokeId?: string) => string,
    /** Call ids in progress when this connection opened. */
    private readonly known: string[],
  ) {}

  start(devices: readonly string[]): void {
    for (const device of devices) this.pendingMonitors.set(this.send(monitorStart(device)), device);
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
        return this.refused(invokeId, message.operation);
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
