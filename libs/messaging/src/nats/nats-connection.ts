import { connect, NatsConnection } from 'nats';
import { childLogger } from '@d115/observability';

/** Connects with endless reconnects: a NATS restart must not kill a service. */
export async function connectNats(servers: string, name: string): Promise<NatsConnection> {
  const logger = childLogger('nats');
  const connection = await connect({
    servers: servers.split(',').map((s) => s.trim()),
    name,
    maxReconnectAttempts: -1,
    // A refused connect costs nothing; trying often keeps the time from "NATS is back" to
    // "publishing again" short (the relay republishes its backlog on the reconnect event).
    reconnectTimeWait: 250,
    waitOnFirstConnect: false,
    // Capturing a stack trace for every request (each JetStream publish is one) costs more
    // than the publish itself; our errors carry the subject instead.
    noAsyncTraces: true,
  });
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect' || status.type === 'error') {
        logger.warn({ status: status.type, data: String(status.data) }, 'NATS connection status');
      }
    }
  })();
  return connection;
}
