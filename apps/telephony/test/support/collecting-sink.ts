import { CallSignal, CallSignalSink } from '../../src/calls/call-signal';

/** A sink that keeps what it was given, for adapter tests before (or without) the call store. */
export class CollectingSink implements CallSignalSink {
  readonly signals: CallSignal[] = [];
  /** Batches to refuse first, as a sink whose database is down would. */
  refuse = 0;
  refused = 0;

  async accept(signals: readonly CallSignal[]): Promise<void> {
    if (this.refuse > 0) {
      this.refuse--;
      this.refused++;
      throw new Error('call store unavailable');
    }
    this.signals.push(...signals);
  }

  of(externalCallId: string): CallSignal[] {
    return this.signals.filter((signal) => signal.externalCallId === externalCallId);
  }
}
