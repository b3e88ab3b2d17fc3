import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ENV } from '@d115/platform';
import { Transactions } from '@d115/database';
import { CALL_SIGNAL_SINK, CallSignalSink } from '../../calls/call-signal';
import { CallsRepository } from '../../calls/calls.repository';
import { TelephonyEnv } from '../../config/telephony.env';
import { AmiCallTracker } from './ami-call-tracker';
import { AmiConnection } from './ami-connection';
import { AmiTrunks } from './ami-trunks';
import { parseAmiUrls } from './ami-url';
import { SignalBatcher } from './signal-batcher';

/** One AMI connection per URL in `TELEPHONY_AMI_URL`, each with its own call tracker. */
@Injectable()
export class AmiAdapter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly connections: AmiConnection[] = [];

  constructor(
    @Inject(ENV) private readonly env: TelephonyEnv,
    @Inject(CALL_SIGNAL_SINK) private readonly sink: CallSignalSink,
    private readonly calls: CallsRepository,
    private readonly transactions: Transactions,
  ) {}

  onApplicationBootstrap(): void {
    const trunks = new AmiTrunks(this.env.TELEPHONY_AMI_TRUNKS);
    const backoffMs = this.env.TELEPHONY_AMI_BACKOFF_MS.split(',').map(Number);
    for (const endpoint of parseAmiUrls(this.env.TELEPHONY_AMI_URL)) {
      let connection: AmiConnection | undefined = undefined;
      const batcher = new SignalBatcher(this.sink, () => connection?.resume());
      const tracker = new AmiCallTracker(
        endpoint.pbx,
        trunks,
        (signal) => batcher.push(signal),
        (notice) => connection?.unknownEvent(notice.event),
      );
      connection = new AmiConnection({
        endpoint,
        tracker,
        batcher,
        backoffMs,
        pingMs: this.env.TELEPHONY_AMI_PING_MS,
        storedLive: async () => (await this.calls.findLive(this.transactions.manager, endpoint.pbx)).map((call) => call.externalCallId),
      });
      this.connections.push(connection);
      connection.start();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.connections.map((connection) => connection.stop()));
  }
}
