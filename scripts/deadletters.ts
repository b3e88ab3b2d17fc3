import { connect } from 'nats';
import { DeadLetterStore, Namespace } from '@d115/messaging';

/**
 * `npm run deadletters -- list [limit]` shows what consumers gave up on;
 * `npm run deadletters -- replay <sequence>` sends one back to its subject.
 */
async function main(): Promise<void> {
  const [command, argument] = process.argv.slice(2);
  const nc = await connect({ servers: (process.env.NATS_URL ?? 'nats://127.0.0.1:4222').split(',') });
  try {
    const store = new DeadLetterStore(await nc.jetstreamManager(), nc.jetstream(), new Namespace(process.env.D115_NAMESPACE ?? ''));
    if (command === 'list') {
      for (const letter of await store.list(Number(argument ?? 100))) {
        process.stdout.write(
          `#${letter.sequence} ${letter.storedAt} ${letter.consumer} ${letter.originalSubject}\n` +
            `   ${letter.errorCode} after ${letter.deliveries} deliveries: ${letter.error}\n`,
        );
      }
    } else if (command === 'replay' && argument) {
      const letter = await store.replay(Number(argument));
      process.stdout.write(`replayed #${letter.sequence} to ${letter.originalSubject}\n`);
    } else {
      process.stderr.write('usage: npm run deadletters -- list [limit] | replay <sequence>\n');
      process.exitCode = 2;
    }
  } finally {
    await nc.close();
  }
}

main().catch((error) => {
  process.stderr.write(`deadletters: ${(error as Error)?.message ?? error}\n`);
  process.exit(1);
});
