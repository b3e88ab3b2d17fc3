import { Socket } from 'node:net';

/** A hand-driven SMTP session, for steps a client library would not let a test pause between. */
export class SmtpDialog {
  private buffer = '';
  private waiting?: () => void;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (data) => {
      this.buffer += data.toString('latin1');
      this.waiting?.();
    });
    socket.on('close', () => this.waiting?.());
  }

  static async open(port: number): Promise<SmtpDialog> {
    const socket = new Socket();
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.connect(port, '127.0.0.1', resolve);
    });
    return new SmtpDialog(socket);
  }

  /** The next complete reply (last line "NNN text"). */
  async reply(): Promise<string> {
    for (;;) {
      const match = /(?:^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(this.buffer);
      if (match) {
        const end = match.index + match[0].length;
        const reply = this.buffer.slice(0, end).trim();
        this.buffer = this.buffer.slice(end);
        return reply;
      }
      if (this.socket.destroyed) throw new Error(`connection closed; got ${JSON.stringify(this.buffer)}`);
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  write(text: string): void {
    this.socket.write(text);
  }

  async command(line: string): Promise<string> {
    this.write(`${line}\r\n`);
    return this.reply();
  }

  close(): void {
    this.socket.destroy();
  }
}
