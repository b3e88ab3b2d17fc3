import { D115Error } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { CallSignal } from '../../calls/call-signal';
import { CstaCallTracker } from './calls/csta-call-tracker';
import { CstaDevicesPlan } from './calls/csta-devices-plan';
import { cstaMetrics } from './csta.metrics';
import { CstaMessage } from './parser/csta-message';
import { parseCstaMessage } from './parser/csta-parser';

/** What a reconnect found: the calls in progress before it, and those the devices' snapshots still list. */
export interface Reconciliation {
  known: string[];
  live: Set<string>;
}

export interface Ingested {
  message?: CstaMessage;
  signals: CallSignal[];
}

/**
 * One CSTA document from one telephone system → call signals, whether it came over the TCP
 * connection or the NATS inbound subject (both paths of a pbx share its call state). Bad input
 * is logged with its code and counted; it never throws.
 */
export class CstaIngest {
  private readonly logger = childLogger('csta');
  private readonly trackers = new Map<string, CstaCallTracker>();

  constructor(private readonly plan: CstaDevicesPlan) {}

  ingest(pbx: string, xml: string, receivedAt: Date): Ingested {
    let message: CstaMessage;
    try {
      message = parseCstaMessage(xml);
    } catch (error) {
      this.warn(pbx, (error as D115Error).code, (error as Error).message);
      return { signals: [] };
    }
    if (message.kind !== 'event') return { message, signals: [] };
    cstaMetrics.events.inc({ pbx, type: message.type });
    const { signals, warnings } = this.tracker(pbx).apply(message, receivedAt);
    for (const warning of warnings) this.warn(pbx, warning.code, warning.message);
    return { message, signals };
  }

  /** The call ids of a system in progress (before a reconnect). */
  inProgress(pbx: string): string[] {
    return this.tracker(pbx).inProgressIds();
  }

  /** Ends the calls a reconnect's snapshot no longer lists. */
  reconcile(pbx: string, reconciliation: Reconciliation, at: Date): CallSignal[] {
    const signals = this.tracker(pbx).reconcile(reconciliation.known, reconciliation.live, at);
    if (signals.length > 0) this.logger.info({ pbx, ended: signals.length }, 'CSTA calls that ended while the connection was down finished');
    return signals;
  }

  /** Logs and counts a coded warning about a system's input. */
  warn(pbx: string, code: string, message: string): void {
    cstaMetrics.warnings.inc({ pbx, code });
    this.logger.warn({ pbx, code }, message);
  }

  private tracker(pbx: string): CstaCallTracker {
    let tracker = this.trackers.get(pbx);
    if (!tracker) this.trackers.set(pbx, (tracker = new CstaCallTracker(pbx, this.plan)));
    return tracker;
  }
}
