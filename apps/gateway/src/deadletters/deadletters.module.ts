import { Module } from '@nestjs/common';
import { JetStreamClient, JetStreamManager } from 'nats';
import { DeadLetterStore, Namespace } from '@d115/messaging';
import { JETSTREAM, JETSTREAM_MANAGER } from '@d115/platform';
import { DeadLettersController } from './deadletters.controller';

/** Dead letters for ops, straight from the dead-letter stream (the same store as `npm run deadletters`). */
@Module({
  controllers: [DeadLettersController],
  providers: [
    {
      provide: DeadLetterStore,
      inject: [JETSTREAM_MANAGER, JETSTREAM, Namespace],
      useFactory: (jsm: JetStreamManager, js: JetStreamClient, namespace: Namespace) => new DeadLetterStore(jsm, js, namespace),
    },
  ],
})
export class DeadLettersModule {}
