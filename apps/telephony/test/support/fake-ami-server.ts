import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { AmiFrameParser } from '../../src/adapters/ami/ami-frame-parser';

/**
 * A stand-in Asterisk manager on a real TCP socket: banner, Login (checks the secret),
 * CoreShowChannels (answers with the channels the test sets), and whatever event stream
 * the test writes. Records the actions it received.
 */
export class FakeAmiServer {
  readonly actions: Record<string, string>[] = [];
  /** CoreShowChannel frames (header text without the ActionID) for the next listing. */
  channels: string[] = [];
  private readonly clients = new Set<Socket>();
  private readonly server: Server;
  logins = 0;
  /** A PBX that hangs without closing the connection: it answers no action any more. */
  mute = false;

  private constructor(
    private readonly secret: string,
    private readonly banner: string,
  ) {
    this.server = createServer((socket) => this.accept(socket));
  }

  static async start(secret = 'geheim', banner = 'Asterisk Call Manager/5.0.1'): Promise<FakeAmiServer> {
    const server = new FakeAmiServer(secret, banner);
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(user = 'd115', secret = this.secret): string {
    return `tcp://${user}:${secret}@127.0.0.1:${this.port}`;
  }

  get connected(): number {
    return this.clients.size;
  }

  /** Writes raw AMI text to every connected client, optionally in chunks of `chunk` bytes. */
  async send(text: string, chunk?: number): Promise<void> {
    for (const client of this.clients) {
      if (!chunk) client.write(text);
      else for (let i = 0; i < text.length; i += chunk) client.write(text.slice(i, i + chunk));
    }
  }

  /** Drops every client (a lost connection). */
  dropClients(): void {
    for (const client of this.clients) client.destroy();
    this.clients.clear();
  }

  async close(): Promise<void> {
    this.dropClients();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    socket.write(`${this.banner}\r\n`);
    const parser = new AmiFrameParser();
    socket.on('data', (chunk: string) => {
      for (const frame of parser.feed(chunk).frames) this.action(socket, frame);
    });
  }

  private action(socket: Socket, frame: Record<string, string>): void {
    this.actions.push(frame);
    if (this.mute) return;
    const id = frame.actionid ? `ActionID: ${frame.actionid}\r\n` : '';
    switch (frame.action?.toLowerCase()) {
      case 'login':
        if (frame.secret !== this.secret) {
          socket.write(`Response: Error\r\n${id}Message: Authentication failed\r\n\r\n`);
          return;
        }
        this.logins++;
        socket.write(`Response: Success\r\n${id}Message: Authentication accepted\r\n\r\n`);
        return;
      case 'coreshowchannels': {
        const listing = this.channels.map((text) => `Event: CoreShowChannel\r\n${id}${text.trim().replace(/\r?\n/g, '\r\n')}\r\n\r\n`).join('');
        socket.write(`Response: Success\r\n${id}EventList: start\r\nMessage: Channels will follow\r\n\r\n${listing}`);
        socket.write(`Event: CoreShowChannelsComplete\r\n${id}EventList: Complete\r\nListItems: ${this.channels.length}\r\n\r\n`);
        return;
      }
      default:
        socket.write(`Response: Success\r\n${id}\r\n`);
    }
  }
}
