import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

/**
 * In-process hints that routing work may be possible, sent after commit. Only
 * hints: the scheduled dispatch pass finds anything a lost hint (or another
 * instance) left behind.
 */
export type RoutingSignal =
  { kind: 'case-waiting'; ticketId: string } | { kind: 'agent-free'; agentId: string } | { kind: 'agent-unavailable'; agentId: string };

@Injectable()
export class RoutingSignals {
  readonly stream = new Subject<RoutingSignal>();

  caseWaiting(ticketId: string): void {
    this.stream.next({ kind: 'case-waiting', ticketId });
  }

  agentFree(agentId: string): void {
    this.stream.next({ kind: 'agent-free', agentId });
  }

  /** Away or offline: the agent's pending offers go to others. */
  agentUnavailable(agentId: string): void {
    this.stream.next({ kind: 'agent-unavailable', agentId });
  }
}
