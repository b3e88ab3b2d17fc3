import { Agent, request } from 'node:http';

/**
 * A keep-alive HTTP/1.1 client on `node:http`, as load generators use (wrk, autocannon):
 * the benchmark measures the gateway, not the client library. Node's `fetch` (undici with
 * WHATWG streams) costs 0.3–0.8 ms more per request on this machine than the server under
 * test spends on a small request; a browser or curl pays nothing like it.
 */
export class BenchHttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(private readonly base: string) {}

  /** Sends a request and reads the whole answer; anything but 2xx is an error naming status and body. */
  send(method: 'GET' | 'POST', path: string, token: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const outgoing = request(`${this.base}${path}`, { method, agent: this.agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(body);
          else reject(new Error(`${method} ${path}: ${status} ${body}`));
        });
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
