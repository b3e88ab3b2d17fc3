import 'reflect-metadata';
import { bootstrapService } from '@d115/platform';
import { SmtpListener } from '../../apps/mail/src/intake/smtp/smtp-listener';
import { mailService } from '../../apps/mail/src/main';
import { MemoryPeak } from './memory-peak';

/**
 * The mail service as its own process for the mail benchmark, so that its
 * memory is its own (not the load's or the benchmark's): tells its SMTP port,
 * measures its memory between `measure` and `report`, stops on `stop`.
 */
async function main(): Promise<void> {
  const service = await bootstrapService(mailService, process.env);
  const memory = new MemoryPeak();
  process.on('message', (message: { type: string }) => {
    if (message.type === 'measure') memory.start();
    if (message.type === 'report') process.send!({ type: 'memory', ...memory.stop() });
    if (message.type === 'stop') void service.app.close().finally(() => process.exit(0));
  });
  process.send!({ type: 'ready', port: service.app.get(SmtpListener).port });
}

void main().catch((error) => {
  process.stderr.write(`mail service failed to start: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
